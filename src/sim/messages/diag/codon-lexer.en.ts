/** English diagnostic texts of src/sim/codon/lexer.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.lexer.a-backslash-outside-a-string-must':
    'a backslash `\\` outside a string must be the last character of its line (it joins the next line to this one).',
  'codon.lexer.this-line-is-less-indented-than':
    'this line is less indented than the block it ends, but matches no outer block either.',
  'codon.lexer.inconsistent-use-of-tabs-and-spaces':
    'inconsistent use of tabs and spaces in indentation: indent every line of a block with the same characters (Codon and Python both use 4 spaces by convention).',
  'codon.lexer.this-line-is-indented-differently-from':
    'this line is indented differently from the block around it.',
  'codon.lexer.was-never-closed-add': "'{0}' was never closed: add '{1}'.",
  'codon.lexer.complex-numbers-are-not-modelled-by':
    'complex numbers (`{0}`) are not modelled by this simulator.',
  'codon.lexer.is-not-a-valid-number': '`{0}` is not a valid number.',
  'codon.lexer.is-not-a-valid-number-an':
    '`{0}` is not a valid number: an underscore may only stand between two digits.',
  'codon.lexer.leading-zeros-in-decimal-integer-literals':
    'leading zeros in decimal integer literals are not permitted (`{0}`); write 0o for octal.',
  'codon.lexer.this-string-is-never-closed-add': 'this string is never closed: add the closing {0}.',
  'codon.lexer.does-not-match-the-opened-on': "'{0}' does not match the '{1}' opened on line {2}.",
  'codon.lexer.unmatched-there-is-no-opening-before': "unmatched '{0}': there is no opening '{1}' before it.",
  'codon.lexer.unexpected-character': "unexpected character '{0}': {1}",
  'codon.lexer.unexpected-character-write-not-for-negation':
    "unexpected character '!': write `not x` for negation and `!=` for inequality.",
  'codon.lexer.unexpected-character-it-has-no-meaning':
    "unexpected character '{0}': it has no meaning in Codon outside a string.",
  'codon.lexer.unexpected-character-2': "unexpected character '{0}'.",
  'codon.lexer.pasted-nbsp':
    'a non-breaking space (often pasted from a web page): retype it as a normal space.',
  'codon.lexer.pasted-zwsp': 'a zero-width space (often pasted from a web page): delete it.',
  'codon.lexer.pasted-bom': 'a byte-order mark: delete it.',
  'codon.lexer.pasted-double-quote': 'a curly quote: write a straight quote (") instead.',
  'codon.lexer.pasted-single-quote': "a curly quote: write a straight quote (') instead.",
  'codon.lexer.double-quote': 'double quote (")',
  'codon.lexer.single-quote': "quote (')",
};
