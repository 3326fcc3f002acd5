/** English diagnostic texts of src/sim/cpp/sema/expr.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.expr.this-expression-is-nested-too-deeply':
    'this expression is nested too deeply for the simulator',
  'cpp.sema.expr.cannot-be-used-as-a-condition':
    "'{0}' cannot be used as a condition (it does not convert to bool)",
  'cpp.sema.expr.the-integer-constant-is-so-large':
    'the integer constant {0} is so large that it is unsigned',
  'cpp.sema.expr.is-a-member-and-can-only':
    "'{0}' is a member and can only be used inside a member function (or through an object: obj.{0})",
  'cpp.sema.expr.cannot-be-used-in-the-static': "'{0}' cannot be used in the static member function '{1}'",
  'cpp.sema.expr.is-overloaded-which-one-is-meant':
    "'{0}' is overloaded; which one is meant is only known in a call",
  'cpp.sema.expr.the-member-function-must-be-called':
    "the member function '{0}' must be called (pointers to members are not modelled)",
  'cpp.sema.expr.is-a-type-not-a-value': "'{0}' is a type, not a value",
  'cpp.sema.expr.is-a-namespace-not-a-value': "'{0}' is a namespace, not a value",
  'cpp.sema.expr.is-a-class-template-not-a': "'{0}' is a class template, not a value",
  'cpp.sema.expr.naming-the-function-template-without-calling':
    "naming the function template '{0}' without calling it",
  'cpp.sema.expr.std-can-only-be-used-in':
    "'std::{0}' can only be used in an output statement like std::cout << x << std::endl",
  'cpp.sema.expr.std-is-not-a-value-the': "'std::{0}' is not a value the simulator models here{1}",
  'cpp.sema.expr.the-library-function-can-only-be': "the library function '{0}' can only be called here",
  'cpp.sema.expr.cannot-be-used-here': "'{0}' cannot be used here",
  'cpp.sema.expr.is-a-member-function-of-call':
    "'{0}' is a member function of '{1}': call it, as in {0}(...)",
  'cpp.sema.expr.has-no-member-named': "'{0}' has no member named '{1}'",
  'cpp.sema.expr.is-in-and-cannot-be-used': "'{0}' is {1} in '{2}' and cannot be used here",
  'cpp.sema.expr.needs-a-pointer-but-is-a': "'->' needs a pointer, but '{0}' is a class object (use '.')",
  'cpp.sema.expr.needs-a-pointer-to-a-class': "'->' needs a pointer to a class, but this is '{0}'{1}",
  'cpp.sema.expr.is-not-a-class-so-it': "'{0}' is not a class, so it has no member '{1}'{2}",
  'cpp.sema.expr.has-no-operator-operator-overloading-is':
    "'{0}' has no operator{1} (operator overloading is not modelled)",
  'cpp.sema.expr.cannot-be-indexed-with-it-is':
    "'{0}' cannot be indexed with [ ] (it is not an array or a pointer)",
  'cpp.sema.expr.an-index-must-be-an-integer': "an index must be an integer, not '{0}'",
  'cpp.sema.expr.cannot-index-a-pointer-to': "cannot index a pointer to '{0}'",
  'cpp.sema.expr.casting-to-the-reference-is-not':
    "casting '{0}' to the reference '{1}' is not modelled by this simulator",
  'cpp.sema.expr.cannot-cast-to': "cannot cast to '{0}'",
  'cpp.sema.expr.dynamic-cast-run-time-type-information': '`dynamic_cast` (run-time type information)',
  'cpp.sema.expr.void-cannot-be-constructed-from-a': "'void' cannot be constructed from a value",
  'cpp.sema.expr.a-temporary-of-type-cannot-be': "a temporary of type '{0}' cannot be created this way",
  'cpp.sema.expr.is-built-from-one-value-not': "'{0}' is built from one value, not {1}",
  'cpp.sema.expr.cannot-be-applied-to': "{0} cannot be applied to '{1}'{2}",
  'cpp.sema.expr.new-auto-is-not-modelled-by':
    "'new auto(...)' is not modelled by this simulator; write the type",
  'cpp.sema.expr.new-cannot-create-an-object-of': "'new' cannot create an object of type '{0}'",
  'cpp.sema.expr.the-number-of-elements-in-new':
    "the number of elements in 'new[]' must be an integer, not '{0}'",
  'cpp.sema.expr.a-braced-initializer-with-new-t':
    "a braced initializer with 'new T[n]' needs a constant n in this simulator",
  'cpp.sema.expr.an-array-created-with-new-cannot':
    "an array created with 'new[]' cannot be initialised with ( values )",
  'cpp.sema.expr.has-no-default-constructor': "'{0}' has no default constructor",
  'cpp.sema.expr.delete-needs-a-pointer-not': "'delete' needs a pointer, not '{0}'",
  'cpp.sema.expr.deleting-a-void-is-undefined-behaviour':
    "deleting a 'void*' is undefined behaviour (the type of the object is unknown)",
  'cpp.sema.expr.deleting-a-pointer-to-the-incomplete': "deleting a pointer to the incomplete type '{0}'",
  'cpp.sema.expr.the-destructor-of-is-deleted': "the destructor of '{0}' is deleted",
  'cpp.sema.expr.the-two-results-of-have-incompatible':
    "the two results of '?:' have incompatible types '{0}' and '{1}'",
  'cpp.sema.expr.this-can-only-be-used-inside': "'this' can only be used inside a non-static member function",
  'cpp.sema.expr.a-braced-list-is-not-an':
    'a braced list { ... } is not an expression here (it can initialise a variable, an argument or a return value)',
};
