/** 简体中文：src/sim/cpp/sema/resolve-type.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.resolve-type.unknown-type': "未知的类型 '{0}'",
  'cpp.sema.resolve-type.is-not-a-template': "'{0}' 不是模板",
  'cpp.sema.resolve-type.is-a-function-template-not-a': "'{0}' 是函数模板，不是类型",
  'cpp.sema.resolve-type.is-not-a-type': "'{0}' 不是类型",
  'cpp.sema.resolve-type.is-not-modelled-by-this-simulator': "本模拟器不模拟 '{0}'",
  'cpp.sema.resolve-type.std-nullptr-t-is-not-modelled': "本模拟器不模拟 'std::nullptr_t'",
  'cpp.sema.resolve-type.std-is-not-modelled-by-this': "本模拟器不模拟 'std::{0}'",
  'cpp.sema.resolve-type.unknown-type-std': "未知的类型 'std::{0}'",
  'cpp.sema.resolve-type.std-is-not-a-template': "'std::{0}' 不是模板",
  'cpp.sema.resolve-type.std-needs-template-arguments-as-in': "'std::{0}' 需要模板实参，例如 {1}",
  'cpp.sema.resolve-type.a-template-argument-must-be-a':
    '模板实参必须是类型或常量（例如 4 或一个 constexpr 变量）',
  'cpp.sema.resolve-type.the-template-argument-is-out-of': '模板实参 {0} 超出范围',
  'cpp.sema.resolve-type.auto-is-not-allowed-here': "这里不允许 'auto'",
  'cpp.sema.resolve-type.an-array-type-here-needs-a': '这里的数组类型需要大小',
  'cpp.sema.resolve-type.a-pointer-to-a-reference-is': '不允许指向引用的指针',
  'cpp.sema.resolve-type.a-reference-to-a-reference-is': '不允许引用的引用',
  'cpp.sema.resolve-type.a-reference-to-void-is-not': '不允许 void 的引用',
  'cpp.sema.resolve-type.an-array-of-is-not-allowed': '不允许由 {0} 组成的数组',
  'cpp.sema.resolve-type.variable-length-arrays-are-not-modelled':
    '本模拟器不模拟变长数组；数组大小必须是常量',
  'cpp.sema.resolve-type.the-array-size-must-be-positive': '数组大小必须是正数（现在是 {0}）',
  'cpp.sema.resolve-type.the-array-size-is-too-large': '数组大小 {0} 太大，模拟器处理不了',
  'cpp.sema.resolve-type.only-the-first-dimension-of-an': '只有数组的第一维可以留空',
  'cpp.sema.resolve-type.auto-parameters-abbreviated-templates-are-not':
    "本模拟器不模拟 'auto' 参数（简写模板）",
  'cpp.sema.resolve-type.a-parameter-cannot-have-type-void': "参数的类型不能是 'void'",
  'cpp.sema.resolve-type.a-trailing-return-type-needs-auto': "尾置返回类型需要在函数名前写 'auto'",
  'cpp.sema.resolve-type.functions-returning-auto-deduced-return-types':
    "本模拟器不模拟返回 'auto' 的函数（推断返回类型）；请写出返回类型",
  'cpp.sema.resolve-type.a-function-cannot-return': '函数不能返回 {0}',
};
