/** English diagnostic texts of src/sim/cpp/sema/init.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.init.an-array-must-be-initialised-with':
    "an array must be initialised with braces { ... }, not with '{0}' (in {1})",
  'cpp.sema.init.cannot-create-an-object-of-type': "cannot create an object of type '{0}'",
  'cpp.sema.init.cannot-convert-to-in': "cannot convert '{0}' to '{1}' in {2}",
  'cpp.sema.init.in': '{0} in {1}',
  'cpp.sema.init.the-string-needs-chars-with-its':
    'the string needs {0} chars (with its terminating 0) but the array holds {1} (in {2})',
  'cpp.sema.init.initialising-a-from-a': "initialising a '{0}' from a '{1}'",
  'cpp.sema.init.cannot-convert-to-in-2': "cannot convert '{0}' to '{1}' in {2}{3}",
  'cpp.sema.init.copying-a': "copying a '{0}'",
  'cpp.sema.init.pass-it-by-reference-or-move': 'pass it by reference or move it with std::move',
  'cpp.sema.init.std-unique-ptr-cannot-be-copied':
    'std::unique_ptr cannot be copied (its copy constructor is deleted); move it with std::move in {0}',
  'cpp.sema.init.cannot-be-copied-declaring-a-move':
    "'{0}' cannot be copied: declaring a move constructor or move assignment deletes the implicit copy constructor (in {1})",
  'cpp.sema.init.use-of-the-deleted-constructor-of': "use of the deleted {0} constructor of '{1}' in {2}",
  'cpp.sema.init.cannot-copy-a-const-its-copy':
    "cannot copy a const '{0}': its copy constructor takes a non-const reference",
  'cpp.sema.init.cannot-bind-the-rvalue-reference-to':
    "cannot bind the rvalue reference '{0}' to an lvalue of type '{1}' (use std::move) in {2}",
  'cpp.sema.init.binding-to-a-const-would-drop':
    "binding '{0}' to a const '{1}' would drop the const (in {2})",
  'cpp.sema.init.cannot-bind-the-non-const-reference':
    "cannot bind the non-const reference '{0}' to a temporary of type '{1}' (in {2})",
  'cpp.sema.init.binding-the-result-of-to-a': "binding the result of '{0}' to a reference",
  'cpp.sema.init.keep-a-copy-instead-declare-it': "keep a copy instead: declare it as '{0}', not '{1}'",
  'cpp.sema.init.binding-the-reference-to-a-temporary': "binding the reference '{0}' to a temporary '{1}'",
  'cpp.sema.init.put-the-value-in-a-variable': 'put the value in a variable first, or take it by value',
  'cpp.sema.init.a-reference-is-initialised-with-one':
    'a reference is initialised with one value, not {0} (in {1})',
  'cpp.sema.init.too-many-initializers-for-in': "too many initializers for '{0}' (in {1})",
  'cpp.sema.init.too-many-braces-around-the-initializer': "too many braces around the initializer of '{0}'",
  'cpp.sema.init.an-array-of-unknown-size-needs': 'an array of unknown size needs at least one initializer',
  'cpp.sema.init.too-many-initializers-for-values-for':
    "too many initializers for '{0}' ({1} values for {2} elements)",
  'cpp.sema.init.cannot-be-initialised-with': "'{0}' cannot be initialised with { ... }: {1}",
  'cpp.sema.init.too-many-initializers-for-values-for-2':
    "too many initializers for '{0}' ({1} values for {2} members)",
  'cpp.sema.init.nested-braces-inside-the-initializer-of':
    "nested braces inside the initializer of '{0}' are not modelled by this simulator",
  'cpp.sema.init.initialising-a-std-vector-of-class':
    'initialising a std::vector of class objects from a { ... } list',
  'cpp.sema.init.nested-braces-inside-the-initializer-of-2':
    'nested braces inside the initializer of a std::vector',
  'cpp.sema.init.braces-inside-the-initializer-of-are':
    "braces inside the initializer of '{0}' are not modelled by this simulator",
  'cpp.sema.init.has-no-constructor-taking-argument-initialise':
    "'{0}' has no constructor taking {1} argument{2} (initialise it with { ... })",
  'cpp.sema.init.an-array-cannot-be-initialised-with':
    'an array cannot be initialised with ( ... ); use { ... }',
  'cpp.sema.init.is-initialised-with-one-value-not': "'{0}' is initialised with one value, not {1} (in {2})",
  'cpp.sema.init.constructing-a-from': "constructing a '{0}' from {1}",
  'cpp.sema.init.is-built-from-value-here-not': "'{0}' is built from {1} value{2} here, not {3}",
  'cpp.sema.init.building-from-class-values-is-not':
    "building '{0}' from class values is not modelled by this simulator",
  'cpp.sema.init.std-shared-ptr-of-an-array': 'std::shared_ptr of an array',
  'cpp.sema.init.a-std-vector-of-class-objects': "a std::vector of class objects ('std::vector<{0}>')",
  'cpp.sema.init.use-an-array-of-the-class': 'use an array of the class, or a std::vector of a scalar type',
  'cpp.sema.init.std-array-is-an-aggregate-initialise':
    'std::array is an aggregate: initialise it with braces { ... }, not ( ... )',
  'cpp.sema.init.this-way-of-constructing': "this way of constructing '{0}'",
  'cpp.sema.init.building-a-std-vector-from-a':
    "building a 'std::vector<{0}>' from a range of another element type",
  'cpp.sema.init.use-of-a-deleted-constructor-of': "use of a deleted constructor of '{0}'",
  'cpp.sema.init.the-reference-must-be-initialised': "the reference '{0}' must be initialised",
  'cpp.sema.init.has-the-incomplete-type-declared-but':
    "'{0}' has the incomplete type '{1}' (declared but not defined)",
  'cpp.sema.init.a-object': "a '{0}' object",
  'cpp.sema.init.has-no-default-constructor-so-needs':
    "'{0}' has no default constructor, so '{1}' needs an initializer",
  'cpp.sema.init.the-default-constructor-of-is-deleted':
    "the default constructor of '{0}' is deleted, so '{1}' needs an initializer",
  'cpp.sema.init.a-reference-member-must-be-initialised': 'a reference member must be initialised explicitly',
  'cpp.sema.init.the-default-constructor-of-is-deleted-2': "the default constructor of '{0}' is deleted",
  'cpp.sema.init.has-no-default-constructor': "'{0}' has no default constructor",
  'cpp.sema.init.is-declared-auto-but-has-no':
    "'{0}' is declared 'auto' but has no initializer to deduce its type from",
  'cpp.sema.init.cannot-deduce-the-type-of-from': "cannot deduce the type of '{0}' from this initializer{1}",
  'cpp.sema.init.cannot-deduce-the-type-of-from-2': "cannot deduce the type of '{0}' from a braced list",
  'cpp.sema.init.cannot-be-deduced-from-a-void': "'{0}' cannot be deduced from a 'void' expression",
  'cpp.sema.init.auto-needs-a-pointer-but-the': "'auto*' needs a pointer, but the initializer has type '{0}'",
};
