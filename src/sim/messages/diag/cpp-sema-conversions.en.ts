/** English diagnostic texts of src/sim/cpp/sema/conversions.ts, exactly as it wrote them. */
export const en: Record<string, string> = {};
