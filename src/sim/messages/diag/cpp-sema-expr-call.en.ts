/** English diagnostic texts of src/sim/cpp/sema/expr-call.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.expr-call.is-a-type-to-build-a':
    "'{0}' is a type; to build a temporary write {0}{...} or {0}(...) where the type is known",
  'cpp.sema.expr-call.deducing-the-template-arguments-of-the':
    "deducing the template arguments of the class template '{0}'",
  'cpp.sema.expr-call.write-them-as-in': 'write them, as in {0}<...>{...}',
  'cpp.sema.expr-call.a-cannot-be-called-like-a': 'a {0} cannot be called like a function',
  'cpp.sema.expr-call.is-not-a-const-member-function':
    "'{0}' is not a const member function, so it cannot be called on a const '{1}'",
  'cpp.sema.expr-call.calling-a-virtual-function-through-a':
    'calling a virtual function through a reference or pointer (dynamic dispatch)',
  'cpp.sema.expr-call.call-it-on-the-object-itself': 'call it on the object itself',
  'cpp.sema.expr-call.is-not-a-class-so-it': "'{0}' is not a class, so it has no member function '{1}'{2}",
  'cpp.sema.expr-call.braced-arguments-to-are-not-modelled':
    "braced arguments to '{0}' are not modelled by this simulator",
  'cpp.sema.expr-call.is-not-a-member-function-of': "'{0}' is not a member function of '{1}'",
  'cpp.sema.expr-call.has-no-member-function': "'{0}' has no member function '{1}'",
  'cpp.sema.expr-call.is-not-a-function-and-cannot': "'{0}' is not a function and cannot be called",
  'cpp.sema.expr-call.the-function-pointer-takes-argument-but':
    'the function pointer takes {0} argument{1}, but {2} were given',
  'cpp.sema.expr-call.argument': 'argument {0}',
  'cpp.sema.expr-call.a-call-through-a-pointer-to': 'a call through a pointer to a variadic function',
  'cpp.sema.expr-call.a-call-through-a-function-pointer':
    'a call through a function pointer that passes or returns a class, an array or a vector by value',
  'cpp.sema.expr-call.pass-a-pointer-to-it-instead': 'pass a pointer to it instead',
  'cpp.sema.expr-call.a-call-through-a-function-pointer-2': 'a call through a function pointer',
  'cpp.sema.expr-call.call-the-function-by-its-name': 'call the function by its name',
};
