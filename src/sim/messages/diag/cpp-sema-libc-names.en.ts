/** English diagnostic texts of src/sim/cpp/sema/libc-names.ts, exactly as it wrote them. */
export const en: Record<string, string> = {};
