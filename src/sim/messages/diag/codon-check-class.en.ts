/** English diagnostic texts of src/sim/codon/check-class.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.check-class.calling-the-init-codon-generates-for':
    'calling the `__init__` Codon generates for `{0}` beside its own',
  'codon.check-class.pass-what-init-takes-argument': 'pass what `{0}.__init__` takes ({1} argument{2}).',
  'codon.check-class.msg': '{0}.',
  'codon.check-class.a-method-codon-generates': '`{0}.{1}()` (a method Codon generates)',
  'codon.check-class.a-class-whose-fields-codon-deduces':
    'a class whose fields Codon deduces from `__init__` (`self.{0} = ...`)',
  'codon.check-class.declare-each-field-with-its-type':
    'declare each field with its type in the class body, e.g. `{0}: int`.',
  'codon.check-class.a-method-without-self-which-codon':
    'a method without `self` (`{0}`, which Codon calls as `{1}.{0}(...)`)',
  'codon.check-class.write-self-first-def-self-or':
    'write `self` first, `def {0}(self, ...)`, or a function outside the class.',
  'codon.check-class.del-a-finalizer-the-gc-runs':
    '`__del__` (a finalizer the GC runs when it frees the object)',
  'codon.check-class.free-c-resources-with-an-explicit':
    'free C resources with an explicit method, e.g. `def close(self):`.',
  'codon.check-class.init-in-a-tuple-class': '`__init__` in a `@tuple` class',
  'codon.check-class.make-it-with-its-fields-or': 'make it with its fields, `{0}(...)`, or drop `@tuple`.',
  'codon.check-class.defining-the-magic-method': 'defining the magic method `{0}`',
  'codon.check-class.write-an-ordinary-method-e-g':
    'write an ordinary method, e.g. `def show(self) -> str:`.',
};
