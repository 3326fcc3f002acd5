/** 简体中文：src/sim/cpp/parser-state.ts 的诊断文本（`gpp.*` 引用 g++ 的原话，中文之后附英文原文）。 */
export const zh: Record<string, string> = {
  'gpp.expected': "{1}应当有 '{0}'",
  'gpp.found': '{0}{1}',
  'gpp.at-eof': '，却到了文件末尾',
  'gpp.before': '，位置在{0}之前',
  'cpp.token.eof': '文件末尾',
  'cpp.token.string': '一个字符串字面量',
  'cpp.token.char': '一个字符字面量',
  'cpp.token.number': '数 {0}',
  'cpp.token.quoted': "'{0}'",
  'cpp.parser-state.this-code-is-nested-too-deeply': '这段代码嵌套太深，模拟器处理不了',
};
