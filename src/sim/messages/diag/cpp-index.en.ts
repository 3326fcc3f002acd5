/** English diagnostic texts of src/sim/cpp/index.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.index.internal-error-in-the-c-front': 'internal error in the C++ front end: {0}',
};
