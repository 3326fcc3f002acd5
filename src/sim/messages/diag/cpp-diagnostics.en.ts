/** English diagnostic texts of src/sim/cpp/diagnostics.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.diagnostics.is-not-modelled-by-this-simulator': '{0} is not modelled by this simulator{1}',
};
