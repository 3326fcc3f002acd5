/** 简体中文：src/sim/cpp/pp-expr.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.pp-expr.the-condition-s-macros-expand-to': '条件里的宏展开后超过 {0} 个记号',
  'cpp.pp-expr.if-condition-is-nested-too-deeply': '#if 条件嵌套太深',
  'cpp.pp-expr.if-condition-ends-unexpectedly': '#if 条件意外结束',
  'cpp.pp-expr.missing-in-if-condition': "#if 条件里缺少 ')'",
  'cpp.pp-expr.cannot-appear-in-an-if-condition': "'{0}' 不能出现在 #if 条件里",
  'cpp.pp-expr.missing-in-if-condition-2': "#if 条件里缺少 ':'",
  'cpp.pp-expr.unexpected-in-if-condition': "#if 条件里有意外的 '{0}'",
  'cpp.pp-expr.division-by-zero-in-if-condition': '#if 条件里除以零',
};
