/** English diagnostic texts of src/sim/cpp/sema/overload.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.overload.takes-argument-but-given': "'{0}' takes {1} argument{2}, but {3} {4} given",
  'cpp.sema.overload.cannot-convert-to-for-argument-of':
    "cannot convert '{0}' to '{1}' for argument {2} of '{3}'",
  'cpp.sema.overload.no-matching-function-for-call-to': "no matching function for call to '{0}({1})'",
  'cpp.sema.overload.no-matching-function-for-call-to-2':
    "no matching function for call to '{0}({1})'; the candidates are {2}",
  'cpp.sema.overload.the-call-is-ambiguous-match-equally':
    "the call '{0}({1})' is ambiguous: {2} match equally well",
  'cpp.sema.overload.is-deleted-and-cannot-be-called': "'{0}' is deleted and cannot be called",
  'cpp.sema.overload.passing-a-object-through-is-not':
    "passing a '{0}' object through '...' ({1}) is not modelled by this simulator",
  'cpp.sema.overload.a-void-value-cannot-be-passed': "a 'void' value cannot be passed ({0})",
  'cpp.sema.overload.msg': '{0} ({1})',
};
