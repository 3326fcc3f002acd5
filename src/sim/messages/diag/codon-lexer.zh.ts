/** 简体中文：src/sim/codon/lexer.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'codon.lexer.a-backslash-outside-a-string-must':
    '字符串外的反斜杠 `\\` 必须是这一行的最后一个字符（它把下一行接到这一行上）。',
  'codon.lexer.this-line-is-less-indented-than': '这一行的缩进比它结束的代码块少，但又不对应任何外层代码块。',
  'codon.lexer.inconsistent-use-of-tabs-and-spaces':
    '缩进里混用了制表符和空格：同一代码块的每一行请用相同的字符缩进（Codon 和 Python 习惯上都用 4 个空格）。',
  'codon.lexer.this-line-is-indented-differently-from': '这一行的缩进和周围的代码块不一致。',
  'codon.lexer.was-never-closed-add': "'{0}' 没有闭合：请加上 '{1}'。",
  'codon.lexer.complex-numbers-are-not-modelled-by': '本模拟器不模拟复数（`{0}`）。',
  'codon.lexer.is-not-a-valid-number': '`{0}` 不是有效的数。',
  'codon.lexer.is-not-a-valid-number-an': '`{0}` 不是有效的数：下划线只能出现在两个数字之间。',
  'codon.lexer.leading-zeros-in-decimal-integer-literals':
    '十进制整数字面量不允许有前导零（`{0}`）；八进制请写 0o。',
  'codon.lexer.this-string-is-never-closed-add': '这个字符串没有闭合：请加上结尾的 {0}。',
  'codon.lexer.does-not-match-the-opened-on': "'{0}' 和第 {2} 行打开的 '{1}' 不匹配。",
  'codon.lexer.unmatched-there-is-no-opening-before': "不匹配的 '{0}'：它前面没有对应的 '{1}'。",
  'codon.lexer.unexpected-character': "意外的字符 '{0}'：{1}",
  'codon.lexer.unexpected-character-write-not-for-negation':
    "意外的字符 '!'：取反请写 `not x`，不等请写 `!=`。",
  'codon.lexer.unexpected-character-it-has-no-meaning':
    "意外的字符 '{0}'：在 Codon 里，它在字符串之外没有意义。",
  'codon.lexer.unexpected-character-2': "意外的字符 '{0}'。",
  'codon.lexer.pasted-nbsp': '这是一个不换行空格（常常是从网页上粘贴来的）：请重新输入一个普通空格。',
  'codon.lexer.pasted-zwsp': '这是一个零宽空格（常常是从网页上粘贴来的）：请删掉它。',
  'codon.lexer.pasted-bom': '这是一个字节顺序标记（BOM）：请删掉它。',
  'codon.lexer.pasted-double-quote': '这是一个弯引号：请改写成直引号（"）。',
  'codon.lexer.pasted-single-quote': "这是一个弯引号：请改写成直引号（'）。",
  'codon.lexer.double-quote': '双引号（"）',
  'codon.lexer.single-quote': "单引号（'）",
};
