/** English diagnostic texts of src/sim/cpp/sema/lookup.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.lookup.is-not-modelled-by-this-simulator': "'{0}' is not modelled by this simulator",
  'cpp.sema.lookup.names-inside-std-are-not-modelled':
    "names inside 'std::{0}' are not modelled by this simulator",
  'cpp.sema.lookup.is-not-a-namespace-class-or': "'{0}' is not a namespace, class or enum",
};
