/** English diagnostic texts of src/sim/cpp/syntax.ts, exactly as it wrote them. */
export const en: Record<string, string> = {};
