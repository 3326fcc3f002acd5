/** English diagnostic texts of src/sim/cpp/sema/templates.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.templates.a-template-cannot-have-c-linkage':
    'a template cannot have C linkage: define it outside the extern "C" block',
  'cpp.sema.templates.a-template-parameter-of-type-only':
    "a template parameter of type '{0}' (only integers)",
  'cpp.sema.templates.declaring-a-class-template-without-defining':
    'declaring a class template without defining it',
  'cpp.sema.templates.declaring-a-function-template-without-defining':
    'declaring a function template without defining it',
  'cpp.sema.templates.a-member-of-a-class-template': 'a member of a class template defined outside its class',
  'cpp.sema.templates.a-variable-template': 'a variable template',
  'cpp.sema.templates.define-it-inside-the-class': 'define it inside the class',
  'cpp.sema.templates.overloading-the-function-template': "overloading the function template '{0}'",
  'cpp.sema.templates.give-it-another-name': 'give it another name',
  'cpp.sema.templates.is-already-declared-in-this-scope': "'{0}' is already declared in this scope",
  'cpp.sema.templates.too-many-template-arguments-for-it':
    "too many template arguments for '{0}' (it takes {1})",
  'cpp.sema.templates.template-argument-of-must-be-a': "template argument {0} of '{1}' must be a type",
  'cpp.sema.templates.template-argument-of-must-be-a-2':
    "template argument {0} of '{1}' must be a constant, not a type",
  'cpp.sema.templates.template-argument-of-must-be-a-3':
    "template argument {0} of '{1}' must be a constant expression",
  'cpp.sema.templates.the-template-argument-does-not-fit': "the template argument {0} does not fit in '{1}'",
  'cpp.sema.templates.deducing-the-template-arguments-of-from':
    "deducing the template arguments of '{0}' from these parameter types",
  'cpp.sema.templates.give-them-explicitly-as-in': 'give them explicitly, as in {0}<...>(...)',
  'cpp.sema.templates.a-forwarding-reference-parameter-t-of':
    'a forwarding reference parameter (`T&&`) of a function template',
  'cpp.sema.templates.in-the-call-of-the-template': "in the call of the template '{0}': {1}",
  'cpp.sema.templates.couldn-t-deduce-the-template-parameter':
    "couldn't deduce the template parameter '{0}' of '{1}'",
  'cpp.sema.templates.templates-instantiated-more-than-deep': 'templates instantiated more than {0} deep',
  'cpp.sema.templates.deducing-the-template-arguments-of-the':
    "deducing the template arguments of the class template '{0}'",
  'cpp.sema.templates.write-them-as-in': 'write them, as in {0}<...>',
  'cpp.sema.templates.takes-template-arguments-given': "'{0}' takes {1} template arguments, {2} given",
  'cpp.deduce.no-arguments': "no template arguments make the parameter accept a '{0}'",
  'cpp.deduce.conflicting-types':
    "deduced conflicting types for the template parameter '{0}' ('{1}' and '{2}')",
  'cpp.deduce.conflicting-values':
    "deduced conflicting values for the template parameter '{0}' ('{1}' and '{2}')",
};
