/** 简体中文：src/sim/cpp/sema/context.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.context.the-library-function': "库函数 '{0}'",
  'cpp.sema.context.unknown-name': "未知的名字 '{0}'",
};
