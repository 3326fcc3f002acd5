/** English diagnostic texts of src/sim/codon/fstring.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.fstring.double-brace':
    "`{{` in an f-string (Codon 0.19's unpackFString counts it as a nested field, not as an escaped brace)",
  'codon.fstring.brace-in-field': 'a `{` inside an f-string field (a nested field or a dict/set display)',
  'codon.fstring.single-close': "single '}' is not allowed in f-string.",
  'codon.fstring.expecting-close': "expecting '}' in f-string.",
  'codon.fstring.space-at-start': 'a space at the start of an f-string field',
  'codon.fstring.conversion': 'the conversion `!{0}` in an f-string field',
  'codon.fstring.after-expression': "`{0}` after an f-string field's expression",
  'codon.fstring.int-precision': 'a precision in the format spec of an integer',
  'codon.fstring.int-type': 'the format type `{0}` for an integer',
  'codon.fstring.float-no-type':
    'a format spec without a type letter for a float (fmt prints the shortest form)',
  'codon.fstring.float-type': 'the format type `{0}` for a float',
  'codon.fstring.float-alternate': '`#` in the format spec of a float',
  'codon.fstring.str-spec': 'a format spec for a string other than width and alignment',
};
