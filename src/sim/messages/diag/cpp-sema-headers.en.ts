/** English diagnostic texts of src/sim/cpp/sema/headers.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.headers.is-defined-in-header-did-you':
    "'{0}' is defined in header <{1}>; did you forget to #include <{1}>?",
};
