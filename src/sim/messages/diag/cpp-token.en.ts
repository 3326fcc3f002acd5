/** English diagnostic texts of src/sim/cpp/token.ts, exactly as it wrote them. */
export const en: Record<string, string> = {};
