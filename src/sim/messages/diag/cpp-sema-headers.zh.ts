/** 简体中文：src/sim/cpp/sema/headers.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.headers.is-defined-in-header-did-you': "'{0}' 定义在头文件 <{1}> 里；是不是忘了 #include <{1}>？",
};
