/** 简体中文：src/sim/cpp/index.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.index.internal-error-in-the-c-front': 'C++ 前端内部错误：{0}',
};
