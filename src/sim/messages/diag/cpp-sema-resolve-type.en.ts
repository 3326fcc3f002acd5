/** English diagnostic texts of src/sim/cpp/sema/resolve-type.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.resolve-type.unknown-type': "unknown type '{0}'",
  'cpp.sema.resolve-type.is-not-a-template': "'{0}' is not a template",
  'cpp.sema.resolve-type.is-a-function-template-not-a': "'{0}' is a function template, not a type",
  'cpp.sema.resolve-type.is-not-a-type': "'{0}' is not a type",
  'cpp.sema.resolve-type.is-not-modelled-by-this-simulator': "'{0}' is not modelled by this simulator",
  'cpp.sema.resolve-type.std-nullptr-t-is-not-modelled': "'std::nullptr_t' is not modelled by this simulator",
  'cpp.sema.resolve-type.std-is-not-modelled-by-this': "'std::{0}' is not modelled by this simulator",
  'cpp.sema.resolve-type.unknown-type-std': "unknown type 'std::{0}'",
  'cpp.sema.resolve-type.std-is-not-a-template': "'std::{0}' is not a template",
  'cpp.sema.resolve-type.std-needs-template-arguments-as-in':
    "'std::{0}' needs template arguments, as in {1}",
  'cpp.sema.resolve-type.a-template-argument-must-be-a':
    'a template argument must be a type or a constant (like 4 or a constexpr variable)',
  'cpp.sema.resolve-type.the-template-argument-is-out-of': 'the template argument {0} is out of range',
  'cpp.sema.resolve-type.auto-is-not-allowed-here': "'auto' is not allowed here",
  'cpp.sema.resolve-type.an-array-type-here-needs-a': 'an array type here needs a size',
  'cpp.sema.resolve-type.a-pointer-to-a-reference-is': 'a pointer to a reference is not allowed',
  'cpp.sema.resolve-type.a-reference-to-a-reference-is': 'a reference to a reference is not allowed',
  'cpp.sema.resolve-type.a-reference-to-void-is-not': 'a reference to void is not allowed',
  'cpp.sema.resolve-type.an-array-of-is-not-allowed': 'an array of {0} is not allowed',
  'cpp.sema.resolve-type.variable-length-arrays-are-not-modelled':
    'variable-length arrays are not modelled by this simulator; the size must be a constant',
  'cpp.sema.resolve-type.the-array-size-must-be-positive': 'the array size must be positive (it is {0})',
  'cpp.sema.resolve-type.the-array-size-is-too-large': 'the array size {0} is too large for the simulator',
  'cpp.sema.resolve-type.only-the-first-dimension-of-an':
    'only the first dimension of an array may be left empty',
  'cpp.sema.resolve-type.auto-parameters-abbreviated-templates-are-not':
    "'auto' parameters (abbreviated templates) are not modelled by this simulator",
  'cpp.sema.resolve-type.a-parameter-cannot-have-type-void': "a parameter cannot have type 'void'",
  'cpp.sema.resolve-type.a-trailing-return-type-needs-auto':
    "a trailing return type needs 'auto' before the function name",
  'cpp.sema.resolve-type.functions-returning-auto-deduced-return-types':
    "functions returning 'auto' (deduced return types) are not modelled by this simulator; write the return type",
  'cpp.sema.resolve-type.a-function-cannot-return': 'a function cannot return {0}',
  'cpp.std.array-args': 'std::array takes an element type and a size, as in {0}',
  'cpp.std.array-elements': "std::array cannot hold elements of type '{0}'",
  'cpp.std.pair-args': 'std::pair takes two types, as in {0}',
  'cpp.std.tuple-args': 'std::tuple takes types, as in {0}',
  'cpp.std.complex-args': 'std::complex is modelled for float, double and long double only',
  'cpp.std.one-type': 'std::{0} takes one type, as in {1}',
  'cpp.builtin.duplicate': "duplicate '{0}'",
  'cpp.builtin.combined': "'{0}' and '{1}' cannot be combined in one type",
  'cpp.builtin.invalid': "invalid type '{0}'",
  'cpp.builtin.with-char': "'{0}' cannot be used with 'char'",
  'cpp.builtin.with-int128': "'{0}' cannot be used with '__int128'",
  'cpp.builtin.together': "'{0}' and '{1}' cannot be used together",
  'cpp.builtin.long-long-long': "'long long long' is too long for GCC",
  'cpp.builtin.cannot-use-with': "'{0}' cannot be used with '{1}'",
};
