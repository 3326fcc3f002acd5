/** English diagnostic texts of src/sim/cpp/std-names.ts, exactly as it wrote them. */
export const en: Record<string, string> = {};
