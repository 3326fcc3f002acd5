/** 简体中文：src/sim/codon/parse-base.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'codon.parse-base.is-a-reserved-word-and-cannot': "'{0}' 是保留字，不能用作{1}。",
  'codon.parse-base.expected-here-found': '这里应当是{0}，却遇到了{1}。',
};
