/** English diagnostic texts of src/sim/cpp/sema/printf.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.printf.printf-s-n-conversion': "printf's %n conversion",
  'cpp.sema.printf.unknown-conversion-type-character-in-format':
    "unknown conversion type character '{0}' in format",
  'cpp.sema.printf.format-expects-a-matching-argument': "format '{0}' expects a matching '{1}' argument",
  'cpp.sema.printf.format-expects-an-argument-of-type':
    "format '{0}' expects an argument of type '{1}', but argument {2} has type '{3}'",
  'cpp.sema.printf.too-many-arguments-for-format': 'too many arguments for format',
};
