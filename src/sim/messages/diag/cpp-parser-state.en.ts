/** English diagnostic texts of src/sim/cpp/parser-state.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'gpp.expected': "expected '{0}' {1}",
  'gpp.found': '{0}{1}',
  'gpp.at-eof': ' at the end of the file',
  'gpp.before': ' before {0}',
  'cpp.token.eof': 'the end of the file',
  'cpp.token.string': 'a string literal',
  'cpp.token.char': 'a character literal',
  'cpp.token.number': 'the number {0}',
  'cpp.token.quoted': "'{0}'",
  'cpp.parser-state.this-code-is-nested-too-deeply': 'this code is nested too deeply for the simulator',
};
