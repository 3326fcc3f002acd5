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
};
