/** English diagnostic texts of src/sim/codon/check-callback.ts, exactly as it wrote them. */
export const en: Record<string, string> = {};
