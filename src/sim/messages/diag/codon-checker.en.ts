/** English diagnostic texts of src/sim/codon/checker.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.checker.defining-twice-first-on-line': 'defining `{0}` twice (first on line {1})',
  'codon.checker.give-the-second-definition-another-name': 'give the second definition another name.',
  'codon.checker.defining-your-own-codon-s-builtin': "defining your own `{0}` (Codon's builtin of that name)",
  'codon.checker.give-your-definition-another-name': 'give your definition another name.',
  'codon.checker.msg': '{0}.',
  'codon.checker.a-tuple-class-cannot-contain-itself':
    "a @tuple class cannot contain itself: '{0}' would be infinitely large.",
  'codon.checker.a-field-of-type-none': 'a field of type None',
  'codon.checker.a-parameter-without-a-type-which':
    'a parameter without a type (`{0}`, which makes `{1}` generic)',
  'codon.checker.annotate-it-e-g-float': 'annotate it, e.g. `{0}: float`.',
  'codon.checker.a-parameter-of-type-none': 'a parameter of type None',
  'codon.checker.cannot-infer-the-complete-type-of':
    "cannot infer the complete type of '{0}' (inferred only '{1}'): {2}.",
  'codon.checker.a-function-defined-inside-a-block': 'a function defined inside a block or another function',
  'codon.checker.define-it-at-the-top-level': 'define it at the top level of the file.',
  'codon.checker.a-class-defined-inside-a-block': 'a class defined inside a block or a function',
  'codon.checker.already-has-the-type-catch-the':
    "{0}: '{1}' already has the type {2}; catch the error under another name.",
  'codon.checker.cannot-assign-to-it-is-choose':
    'cannot assign to `{0}`: it is {1}; choose another name for the variable.',
  'codon.checker.keeping-a-range-in-a-variable': 'keeping a range in a variable',
  'codon.checker.write-for-i-in-range-directly': 'write `for i in range(...)` directly.',
  'codon.checker.already-has-the-type': "{0}: '{1}' already has the type {2}.",
  'codon.checker.a-value-cannot-be-changed-in':
    '{0}: a {1} value cannot be changed in place; build a new one instead.',
  'codon.checker.would-turn-this-into-a': '{0}: `{1}=` would turn this {2} into a {3}{4}.',
  'codon.checker.unpacking-the-items-of-a-loop': 'unpacking the items of a loop over {0}s',
  'codon.checker.loop-over-d-items-or-enumerate': 'loop over `d.items()` or `enumerate(xs)`.',
  'codon.checker.each-item-of-this-loop-is': '{0}: each item of this loop is a {1}, not a tuple to unpack.',
  'codon.checker.must-return-a': '{0}: `{1}` must return a {2}.',
  'codon.checker.returning-a-range': 'returning a range',
  'codon.checker.from-c-import-inside-a-block': '`from C import` inside a block or a function',
  'codon.checker.import-at-the-top-level-of': 'import at the top level of the file.',
  'codon.checker.a-c-function-parameter-cannot-have':
    'a C function parameter cannot have the type None; a function without parameters is written `foo()`.',
  'codon.checker.bind-the-library-s-path-to':
    '{0}: bind the library\'s path to it first, e.g. `{1} = "./libfoo.so"`.',
  'codon.checker.must-hold-the-library-s-path': "{0}: `{1}` must hold the library's path, a string.",
  'codon.checker.a-library-path-that-is-not': 'a library path that is not a string literal assigned once',
  'codon.checker.bind-it-once-at-the-top': 'bind it once at the top of the file: `{0} = "./libfoo.so"`.',
  'codon.checker.is-already-defined-import-the-c':
    '`{0}` is already defined; import the C function under another name with `as`.',
  'codon.checker.an-imported-c-function': 'an imported C function',
  'codon.checker.a-class': 'a class',
  'codon.checker.a-builtin': 'a builtin',
  'codon.checker.a-function': 'a function',
  'codon.checker.tuple-class': '@tuple class',
  'codon.checker.slash-float': ' (`/` always gives a float; `//` keeps ints)',
};
