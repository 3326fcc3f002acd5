/** English diagnostic texts of src/sim/cpp/sema/stdlib.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.stdlib.takes-argument-but-given': "'{0}' takes {1} argument{2}, but {3} {4} given",
  'cpp.sema.stdlib.for-argument-of': "{0} for argument {1} of '{2}'",
  'cpp.sema.stdlib.the-library-function': "the library function '{0}'",
  'cpp.sema.stdlib.msg': "'{0}'",
  'cpp.sema.stdlib.with-explicit-template-arguments-is-not':
    "'{0}' with explicit template arguments is not modelled by this simulator",
  'cpp.sema.stdlib.braced-arguments-to-are-not-modelled':
    "braced arguments to '{0}' are not modelled by this simulator",
  'cpp.sema.stdlib.std-move-takes-one-argument-but': "'std::move' takes one argument, but {0} were given",
  'cpp.sema.stdlib.takes-two-arguments-here': "'{0}' takes two arguments here",
  'cpp.sema.stdlib.needs-two-arguments-of-the-same':
    "'{0}' needs two arguments of the same arithmetic type, but got '{1}' and '{2}'",
  'cpp.sema.stdlib.std-swap-takes-two-arguments': "'std::swap' takes two arguments",
  'cpp.sema.stdlib.std-swap-of-two-objects': "'std::swap' of two '{0}' objects",
  'cpp.sema.stdlib.std-swap-needs-two-modifiable-variables':
    "'std::swap' needs two modifiable variables of the same type, not '{0}' and '{1}'",
  'cpp.sema.stdlib.std-cannot-be-called': "'std::{0}' cannot be called",
  'cpp.sema.stdlib.the-library-function-std': "the library function 'std::{0}'",
  'cpp.sema.stdlib.needs-at-least-argument': "'{0}' needs at least {1} argument{2}",
  'cpp.sema.stdlib.argument-of': "argument {0} of '{1}'",
  'cpp.sema.stdlib.free-null-does-nothing': 'free(NULL) does nothing',
  'cpp.sema.stdlib.takes-arguments-but-given': "'{0}' takes 3 arguments, but {1} {2} given",
  'cpp.sema.stdlib.argument-of-must-be-a-pointer':
    "argument {0} of '{1}' must be a pointer or an iterator (like bar.begin()), not '{2}'",
  'cpp.sema.stdlib.argument-of-must-be-a-count': "argument {0} of '{1}' must be a count (an integer)",
  'cpp.sema.stdlib.the-first-two-arguments-of-std':
    "the first two arguments of 'std::copy' must point to the same type ('{0}' and '{1}')",
  'cpp.sema.stdlib.cannot-write-through-it-points-to':
    "'{0}' cannot write through '{1}' (it points to const)",
  'cpp.sema.stdlib.is-modelled-for-elements-of-scalar':
    "'{0}' is modelled for elements of scalar types, not '{1}'",
  'cpp.sema.stdlib.cannot-store-values-into': "'{0}' cannot store '{1}' values into '{2}'",
  'cpp.sema.stdlib.the-value-for': "{0} (the value for '{1}')",
  'cpp.sema.stdlib.needs-the-type-to-create-as':
    "'{0}' needs the type to create, as in {0}<std::array<double, 4>>()",
  'cpp.sema.stdlib.needs-a-type-as-its-template': "'{0}' needs a type as its template argument",
  'cpp.sema.stdlib.std-make-shared-of-an-array':
    "'std::make_shared' of an array is not modelled by this simulator",
  'cpp.sema.stdlib.std-make-unique-t-takes-the':
    "'std::make_unique<T[]>' takes the number of elements: std::make_unique<double[]>(n)",
  'cpp.sema.stdlib.the-number-of-elements-must-be': 'the number of elements must be an integer',
  'cpp.sema.stdlib.cannot-create-a': "'{0}' cannot create a '{1}'",
  'cpp.sema.stdlib.has-no-member-function': "'{0}' has no member function '{1}'",
  'cpp.sema.stdlib.std-unique-ptr-t-has-no':
    "'std::unique_ptr<T>' has no [ ] (only std::unique_ptr<T[]> does)",
  'cpp.sema.stdlib.std-unique-ptr-t-has-no-2': "'std::unique_ptr<T[]>' has no {0} (index it with [ ])",
  'cpp.sema.stdlib.modifies-the-object-which-is-const': "'{0}' modifies the object, which is const here",
  'cpp.sema.stdlib.a-std-vector-of-class-objects': "a std::vector of class objects ('std::vector<{0}>')",
  'cpp.sema.stdlib.use-an-array-of-the-class': 'use an array of the class, or a std::vector of a scalar type',
  'cpp.sema.stdlib.is-a-member-function-of-call':
    "'{0}' is a member function of '{1}': call it, as in x.{0}()",
  'cpp.sema.stdlib.has-no-accessible-member-in-this':
    "'{0}' has no accessible member '{1}' in this simulator",
};
