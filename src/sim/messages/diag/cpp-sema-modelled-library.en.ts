/** English diagnostic texts of src/sim/cpp/sema/modelled-library.ts, exactly as it wrote them. */
export const en: Record<string, string> = {};
