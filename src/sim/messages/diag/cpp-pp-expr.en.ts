/** English diagnostic texts of src/sim/cpp/pp-expr.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.pp-expr.the-condition-s-macros-expand-to': "the condition's macros expand to more than {0} tokens",
  'cpp.pp-expr.if-condition-is-nested-too-deeply': '#if condition is nested too deeply',
  'cpp.pp-expr.if-condition-ends-unexpectedly': '#if condition ends unexpectedly',
  'cpp.pp-expr.missing-in-if-condition': "missing ')' in #if condition",
  'cpp.pp-expr.cannot-appear-in-an-if-condition': "'{0}' cannot appear in an #if condition",
  'cpp.pp-expr.missing-in-if-condition-2': "missing ':' in #if condition",
  'cpp.pp-expr.unexpected-in-if-condition': "unexpected '{0}' in #if condition",
  'cpp.pp-expr.division-by-zero-in-if-condition': 'division by zero in #if condition',
};
