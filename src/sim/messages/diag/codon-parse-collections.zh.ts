/** 简体中文：src/sim/codon/parse-collections.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'codon.parse-collections.unpacking-with-in-a-dict-or': '在字典或集合字面量里用 `*`/`**` 解包',
  'codon.parse-collections.a-set-comprehension-for': '集合推导式 `{x for ...}`',
  'codon.parse-collections.build-the-set-with-a-for': '请用 `for` 循环和 `s.add(x)` 构造集合。',
  'codon.parse-collections.a-dict-comprehension-k-v-for': '字典推导式 `{k: v for ...}`',
  'codon.parse-collections.build-the-dict-with-a-for': '请用 `for` 循环和 `d[k] = v` 构造字典。',
  'codon.parse-collections.unpacking-with-in-a-dict-display': '在字典字面量里用 `**` 解包',
  'codon.parse-collections.expected-after-the-key-in-the': "字典字面量里键的后面应当是 ':'，却遇到了{0}。",
  'codon.parse-collections.unpacking-with-in-a-set-display': '在集合字面量里用 `*` 解包',
  'codon.parse-collections.expected-close':
    "从第 {0} 行第 {1} 列开始的字面量里应当是 ',' 或 '}'，却遇到了{2}。",
};
