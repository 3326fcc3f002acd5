/** English diagnostic texts of src/sim/cpp/sema/template-deduction.ts, exactly as it wrote them. */
export const en: Record<string, string> = {};
