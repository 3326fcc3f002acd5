/** English diagnostic texts of src/sim/codon/parse-base.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.parse-base.is-a-reserved-word-and-cannot': "'{0}' is a reserved word and cannot be used as {1}.",
  'codon.parse-base.expected-here-found': 'expected {0} here, found {1}.',
};
