/** English diagnostic texts of src/sim/cpp/ast.ts, exactly as it wrote them. */
export const en: Record<string, string> = {};
