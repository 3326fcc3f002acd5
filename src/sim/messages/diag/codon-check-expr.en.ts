/** English diagnostic texts of src/sim/codon/check-expr.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.check-expr.assign-it-before-this-line-or':
    '{0}: assign it before this line, or use another name for the variable.',
  'codon.check-expr.msg': '`{0}`',
  'codon.check-expr.msg-2': '{0}.{1}',
  'codon.check-expr.msg-3': '{0}.',
  'codon.check-expr.none-as-a-value': '`None` as a value',
  'codon.check-expr.a-c-function-declared-none-returns':
    'a C function declared `-> None` returns nothing; use `cobj()` for a null pointer.',
  'codon.check-expr.a-cannot-be-used-as-a': '{0}: a {1} cannot be used as a condition.',
  'codon.check-expr.using-as-a-value': 'using {0} as a value (`{1}`)',
  'codon.check-expr.call-it': 'call it: `{0}(...)`.',
  'codon.check-expr.write-the-list-first': '{0}; write the list first: `[0.0] * 4`.',
  'codon.check-expr.the-operator-on-strings': 'the operator `{0}` on strings',
  'codon.check-expr.strings-can-be-joined-with': 'strings can be joined with `+`.',
  'codon.check-expr.concatenating-lists': 'concatenating lists',
  'codon.check-expr.use-append-in-a-loop': 'use `append` in a loop.',
  'codon.check-expr.arithmetic-on-values': 'arithmetic on {0} values',
  'codon.check-expr.convert-with-int-or-float-first': 'convert with `int(x)` or `float(x)` first.',
  'codon.check-expr.other-than-an-int-or-float':
    '`{0}` other than an int or float in a List[int] or List[float]',
  'codon.check-expr.comparing': 'comparing {0}',
  'codon.check-expr.compare-their-elements-or-fields-one': 'compare their elements or fields one by one.',
  'codon.check-expr.using-the-type-as-a-value': 'using the type `{0}` as a value',
  'codon.check-expr.call-it-to-make-a-value': 'call it to make a value, e.g. `Ptr[float](4)`.',
  'codon.check-expr.indexing-a-string': 'indexing a string',
  'codon.check-expr.a-cannot-be-indexed': '{0}: a {1} cannot be indexed.',
  'codon.check-expr.an-index-must-be-an-int': '{0}: an index must be an int.',
  'codon.check-expr.the-field-of-an-exception': 'the field `{0}` of an exception',
  'codon.check-expr.read-e-message-or-print-e': 'read `e.message`, or `print(e)`.',
  'codon.check-expr.msg-4': '{0}{1}',
  'codon.check-expr.a-list-of-none-values': 'a list of None values',
  'codon.check-expr.a-pointer-does-not-know-how':
    '{0}: a pointer does not know how many elements it points to; loop over `range(n)` and index it: `p[i]`.',
  'codon.check-expr.a-cannot-be-iterated-over': '{0}: a {1} cannot be iterated over.',
  'codon.check-expr.needs-an-element-type-here-e': '`{0}` needs an element type here, e.g. `{0}[float]`.',
  'codon.check-expr.the-type': 'the type `{0}`',
  'codon.check-expr.none': '`{0}[None]`',
  'codon.check-expr.expected-a-type-here-such-as':
    'expected a type here, such as `float`, `Ptr[float]` or `List[float]`.',
  'codon.check-expr.expected-type-expression-write-a-type':
    'expected type expression: write a type here, such as `float` or `Ptr[float]`.',
  'codon.check-expr.msg-5': '`{0}(...)`',
  'codon.check-expr.object-is-not-callable': "'{0}' object is not callable.",
  'codon.check-expr.a-keyword-argument-in-a-call': 'a keyword argument in a call to {0}()',
  'codon.check-expr.pass-the-arguments-by-position': 'pass the arguments by position.',
  'codon.check-expr.object-is-not-callable-is-a': "'{0}' object is not callable: `{1}` is a variable.",
  'codon.check-expr.range-takes-to-arguments-given': 'range() takes 1 to 3 arguments ({0} given).',
  'codon.check-expr.range-counts-with-ints-convert-with':
    '{0}: range() counts with ints; convert with `int(x)`.',
  'codon.check-expr.cobj-with-arguments': '`cobj(...)` with arguments',
  'codon.check-expr.use-cobj-for-a-null-pointer': 'use `cobj()` for a null pointer.',
  'codon.check-expr.write-the-name-of-a-variable': '{0}: write the name of a variable, e.g. `__ptr__(x)`.',
  'codon.check-expr.the-address-of-a-comprehension-variable': 'the address of a comprehension variable',
  'codon.check-expr.the-fields-of-a-tuple-class':
    '{0}: the fields of a @tuple class can be addressed, not those of a {1}.',
  'codon.check-expr.needs-an-element-type-here-e-2':
    '`{0}` needs an element type here, e.g. `{0}[float]({1})`.',
  'codon.check-expr.converting-to-a-string': 'converting {0} to a string',
  'codon.check-expr.str-with-more-than-one-argument': '`str(...)` with more than one argument',
  'codon.check-expr.a-conditional-expression-whose-branches-have':
    'a conditional expression whose branches have different types ({0} and {1})',
  'codon.check-expr.convert-one-branch-e-g-float': 'convert one branch, e.g. `float(x)`.',
  'codon.check-expr.slice-indices-must-be-integers-or': '{0}: slice indices must be integers or None.',
  'codon.check-expr.slicing-a': 'slicing a {0}',
  'codon.check-expr.only-lists-can-be-sliced-here': 'only lists can be sliced here.',
  'codon.check-expr.write-the-field-without-a-spec': 'write the field without a spec, `{x}`.',
  'codon.check-expr.printing-a-generator': 'printing a generator',
  'codon.check-expr.loop-over-it-and-print-each': 'loop over it and print each item.',
  'codon.check-expr.print-the-list-itself': 'print the list itself.',
  'codon.check-expr.takes-a-string': '{0}: `{1}=` takes a string.',
  'codon.check-expr.print': '`print(..., {0}=...)`',
  'codon.check-expr.converting-a-string-with': 'converting a string with `{0}(...)`',
  'codon.check-expr.converts-a-number': '{0}: `{1}(x)` converts a number.',
  'codon.check-expr.a-cannot-be-converted-to': '{0}: a {1} cannot be converted to {2}.',
  'codon.check-expr.calling': 'calling `{0}(...)`',
  'codon.check-expr.build-a-list-with-a-literal':
    'build a list with a literal, `[0.0] * n` or a comprehension.',
  'codon.check-expr.p-from-a-reading-the-same':
    '`{0}(p)` from a `{1}` (reading the same bytes as another type)',
  'codon.check-expr.convert-the-values-instead-e-g':
    'convert the values instead, e.g. `int(x[0])`, or go through `Ptr[byte]`.',
  'codon.check-expr.raw-of-a-function-that-takes':
    '`{0}.__raw__()` of a function that takes or returns `{1}`',
  'codon.check-expr.a-callback-the-simulator-follows-takes':
    'a callback the simulator follows takes and returns numbers, `bool`, `byte` or pointers.',
  'codon.check-expr.msg-6': '`{0}.{1}(...)`',
  'codon.check-expr.appending-none': 'appending None',
  'codon.check-expr.object-is-not-callable-is-a-2':
    "'{0}' object is not callable: `{1}` is a field, not a method.",
  'codon.check-expr.list': '`list.{0}`',
  'codon.check-expr.ptr': '`Ptr.{0}()`',
  'codon.check-expr.ptr-as-byte': '`Ptr.as_byte()`',
  'codon.check-expr.declare-the-c-parameter-with-the':
    'declare the C parameter with the pointer type you have.',
  'codon.check-expr.str': '`str.{0}()`',
  'codon.check-expr.a-function': 'function',
  'codon.check-expr.a-class': 'class',
  'codon.check-expr.defined-further-down':
    '{0}: it is defined further down; at the top level of a file, define a {1} before the lines that use it.',
  'codon.check-expr.did-you-mean': "{0}; did you mean '{1}'?",
  'codon.check-expr.import-c-first':
    '{0}. If {1} is a C function, import it first: `from C import LIB.{1}(...) -> ...`.',
  'codon.check-expr.sentence': '{0}.',
  'codon.check-expr.unknown-yet':
    "the type of this value is not known yet (the result of a recursive call?): annotate the function's return type, e.g. `-> int`.",
  'codon.check-expr.format-spec-on': 'a format spec on a value of type {0}',
  'codon.check-expr.ptr-allocates':
    '{0}: `{1}(n)` allocates n elements, so it takes an int (or a pointer to convert).{2}',
  'codon.check-expr.use-list-buffer': " To use a list's buffer, write `{0}.arr.ptr`.",
  'codon.check-expr.a-type': 'a type',
  'codon.check-expr.a-function-value': 'a function',
  'codon.check-expr.iterating-over-string': 'iterating over a string',
  'codon.check-expr.iterating-over-array': 'iterating over a Array',
  'codon.check-expr.printing-range': 'printing a range',
  'codon.check-expr.printing-array': 'printing an Array (`lst.arr`)',
  'codon.check-expr.ptr-no-fields':
    ': a pointer is only an address; it has no length or buffer fields (a list has: `lst.len`, `lst.arr.ptr`).',
  'codon.check-expr.list-fields': ': a list has the fields `len` and `arr` (and `arr` has `len` and `ptr`).',
  'codon.values.list': 'lists',
  'codon.values.tuple-class': '@tuple values',
  'codon.values.tuple': 'tuples',
  'codon.values.dict': 'dicts',
  'codon.values.set': 'sets',
  'codon.value.range': 'a range',
  'codon.value.none': 'None',
  'codon.value.generator': 'a generator',
  'codon.value.array': 'an Array (`lst.arr`)',
  'codon.check-expr.did-you-mean-type': "; did you mean '{0}'?",
  'codon.check-expr.expected-a-type-such-as': ': expected a type such as `float` or `Ptr[float]`.',
  'codon.check-expr.ptr-no-len':
    ': a pointer does not know how many elements it points to; keep the count in a variable.',
};
