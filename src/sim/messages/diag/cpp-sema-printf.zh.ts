/** 简体中文：src/sim/cpp/sema/printf.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.printf.printf-s-n-conversion': 'printf 的 %n 转换',
  'cpp.sema.printf.unknown-conversion-type-character-in-format': "格式里有未知的转换类型字符 '{0}'",
  'cpp.sema.printf.format-expects-a-matching-argument': "格式 '{0}' 需要一个对应的 '{1}' 参数",
  'cpp.sema.printf.format-expects-an-argument-of-type':
    "格式 '{0}' 需要 '{1}' 类型的参数，但第 {2} 个参数的类型是 '{3}'",
  'cpp.sema.printf.too-many-arguments-for-format': '格式的参数太多',
};
