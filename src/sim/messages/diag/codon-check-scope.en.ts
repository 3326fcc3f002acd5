/** English diagnostic texts of src/sim/codon/check-scope.ts, exactly as it wrote them. */
export const en: Record<string, string> = {};
