/** English diagnostic texts of src/sim/cpp/sema/function-decl.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.function-decl.is-already-declared-as-something-other':
    "'{0}' is already declared as something other than a function",
  'cpp.sema.function-decl.no-member-function-with-these-parameters':
    "no member function '{0}' with these parameters is declared in '{1}'",
  'cpp.sema.function-decl.conflicting-declaration-of-c-function-a':
    "conflicting declaration of C function '{0}': a function with C linkage cannot be overloaded (the earlier one is at line {1})",
  'cpp.sema.function-decl.the-destructor-of-must-be-named': "the destructor of '{0}' must be named '~{1}'",
  'cpp.sema.function-decl.is-marked-override-but-does-not':
    "'{0}' is marked 'override' but does not override a virtual function of a base class",
  'cpp.sema.function-decl.constructors-cannot-be-virtual': 'constructors cannot be virtual',
  'cpp.sema.function-decl.only-special-member-functions-can-be':
    "only special member functions can be '= default'; '{0}' is not one",
  'cpp.sema.function-decl.conflicting-declaration-of-it-returned-when':
    "conflicting declaration of '{0}': it returned '{1}' when declared at line {2}, now '{3}'",
  'cpp.sema.function-decl.redefinition-of-first-defined-at-line':
    "redefinition of '{0}' (first defined at line {1})",
  'cpp.sema.function-decl.was-declared-delete-and-cannot-be':
    "'{0}' was declared '= delete' and cannot be defined",
};
