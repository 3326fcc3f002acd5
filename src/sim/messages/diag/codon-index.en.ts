/** English diagnostic texts of src/sim/codon/index.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.index.internal-error': 'internal error in the Codon front end: {0}',
  'codon.index.one-more': '{0} more problem is not shown from here on; fix the ones above first.',
  'codon.index.more': '{0} more problems are not shown from here on; fix the ones above first.',
};
