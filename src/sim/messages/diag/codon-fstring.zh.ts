/** 简体中文：src/sim/codon/fstring.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'codon.fstring.double-brace':
    'f-string 里的 `{{`（Codon 0.19 的 unpackFString 把它当作嵌套字段，而不是转义的花括号）',
  'codon.fstring.brace-in-field': 'f-string 字段里的 `{`（嵌套字段或字典/集合的字面量）',
  'codon.fstring.single-close': "f-string 里不允许单独的 '}'。",
  'codon.fstring.expecting-close': "f-string 里缺少 '}'。",
  'codon.fstring.space-at-start': 'f-string 字段开头的空格',
  'codon.fstring.conversion': 'f-string 字段里的转换 `!{0}`',
  'codon.fstring.after-expression': 'f-string 字段表达式后面的 `{0}`',
  'codon.fstring.int-precision': '整数格式说明里的精度',
  'codon.fstring.int-type': '整数的格式类型 `{0}`',
  'codon.fstring.float-no-type': '没有类型字母的浮点数格式说明（fmt 会打印最短形式）',
  'codon.fstring.float-type': '浮点数的格式类型 `{0}`',
  'codon.fstring.float-alternate': '浮点数格式说明里的 `#`',
  'codon.fstring.str-spec': '字符串除宽度和对齐之外的格式说明',
};
