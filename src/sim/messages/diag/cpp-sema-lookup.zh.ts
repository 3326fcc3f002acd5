/** 简体中文：src/sim/cpp/sema/lookup.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.lookup.is-not-modelled-by-this-simulator': "本模拟器不模拟 '{0}'",
  'cpp.sema.lookup.names-inside-std-are-not-modelled': "本模拟器不模拟 'std::{0}' 里的名字",
  'cpp.sema.lookup.is-not-a-namespace-class-or': "'{0}' 不是命名空间、类或枚举",
};
