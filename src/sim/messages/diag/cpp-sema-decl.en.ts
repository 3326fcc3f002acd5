/** English diagnostic texts of src/sim/cpp/sema/decl.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.decl.using-namespace-only-using-namespace-std':
    "'using namespace {0}' (only 'using namespace std;')",
  'cpp.sema.decl.is-already-declared-in-this-scope': "'{0}' is already declared in this scope",
  'cpp.sema.decl.the-condition-of-static-assert-must':
    'the condition of static_assert must be a constant expression',
  'cpp.sema.decl.static-assertion-failed': 'static assertion failed{0}',
  'cpp.sema.decl.the-default-argument-of-parameter-of':
    "the default argument of parameter {0} of '{1}' is given twice",
  'cpp.sema.decl.parameter-of-needs-a-default-argument':
    "parameter {0} of '{1}' needs a default argument, as the ones before it have one",
  'cpp.sema.decl.is-not-a-namespace-or-a': "'{0}' is not a namespace or a defined class",
  'cpp.sema.decl.auto-is-not-allowed-in-a': "'auto' is not allowed in a typedef",
  'cpp.sema.decl.needs-a-type': "'{0}' needs a type",
  'cpp.sema.decl.needs-a-return-type': "'{0}' needs a return type",
  'cpp.sema.decl.can-only-appear-inside-the-class': "'{0}' can only appear inside the class",
  'cpp.sema.decl.can-only-be-used-on-member': "'{0}' can only be used on member functions",
  'cpp.sema.decl.the-non-member-function-cannot-be': "the non-member function '{0}' cannot be 'const'",
  'cpp.sema.decl.invalid-storage-class-for-the-function': "invalid storage class for the function '{0}'",
  'cpp.sema.decl.only-virtual-member-functions-can-be': "only virtual member functions can be '= 0'",
  'cpp.sema.decl.member-initializers-need-a-constructor-body': 'member initializers need a constructor body',
  'cpp.sema.decl.cannot-be-used-on-a-variable': "'{0}' cannot be used on a variable here",
  'cpp.sema.decl.no-variable-is-declared-in-that': "no variable '{0}' is declared in that namespace",
  'cpp.sema.decl.conflicting-declaration-of-here-at-line':
    "conflicting declaration of '{0}': '{1}' here, '{2}' at line {3}",
  'cpp.sema.decl.redefinition-of-first-defined-at-line': "redefinition of '{0}' (first defined at line {1})",
  'cpp.sema.decl.is-already-declared-as-something-else': "'{0}' is already declared as something else",
  'cpp.sema.decl.the-size-of-the-array-is':
    "the size of the array '{0}' is unknown (give a size or an initializer)",
  'cpp.sema.decl.the-const-variable-must-be-initialised': "the const variable '{0}' must be initialised",
  'cpp.sema.decl.the-reference-must-be-initialised': "the reference '{0}' must be initialised",
  'cpp.sema.decl.has-no-static-data-member': "'{0}' has no static data member '{1}'",
  'cpp.sema.decl.was-declared-as-in-the-class': "'{0}' was declared as '{1}' in the class, not '{2}'",
  'cpp.sema.decl.the-static-member-is-initialised-twice': "the static member '{0}' is initialised twice",
};
