/** 简体中文：src/sim/codon/index.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'codon.index.internal-error': 'Codon 前端内部错误：{0}',
  'codon.index.one-more': '从这里开始还有 {0} 个问题没有显示；请先修正上面的问题。',
  'codon.index.more': '从这里开始还有 {0} 个问题没有显示；请先修正上面的问题。',
};
