/** English diagnostic texts of src/sim/cpp/sema/context.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.context.the-library-function': "the library function '{0}'",
  'cpp.sema.context.unknown-name': "unknown name '{0}'",
};
