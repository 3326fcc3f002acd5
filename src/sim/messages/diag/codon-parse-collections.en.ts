/** English diagnostic texts of src/sim/codon/parse-collections.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.parse-collections.unpacking-with-in-a-dict-or': 'unpacking with `*`/`**` in a dict or set display',
  'codon.parse-collections.a-set-comprehension-for': 'a set comprehension `{x for ...}`',
  'codon.parse-collections.build-the-set-with-a-for': 'build the set with a `for` loop and `s.add(x)`.',
  'codon.parse-collections.a-dict-comprehension-k-v-for': 'a dict comprehension `{k: v for ...}`',
  'codon.parse-collections.build-the-dict-with-a-for': 'build the dict with a `for` loop and `d[k] = v`.',
  'codon.parse-collections.unpacking-with-in-a-dict-display': 'unpacking with `**` in a dict display',
  'codon.parse-collections.expected-after-the-key-in-the':
    "expected ':' after the key in the dict display, found {0}.",
  'codon.parse-collections.unpacking-with-in-a-set-display': 'unpacking with `*` in a set display',
  'codon.parse-collections.expected-close':
    "expected ',' or '}' in the display that starts at line {0}, column {1}, found {2}.",
};
