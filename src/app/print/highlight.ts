// A small highlighter for the printed code: comments, strings, keywords, numbers and (C++) preprocessor
// lines, enough to read a listing on paper (in black and white too: the CSS sets weight and style, not
// only colour). It never changes the text: joining the tokens gives back the source exactly.

export type CodeLanguage = 'cpp' | 'codon';
export type TokenKind = 'plain' | 'comment' | 'string' | 'keyword' | 'number' | 'preprocessor';

export interface Token {
  kind: TokenKind;
  text: string;
}

const CPP_KEYWORDS = new Set(
  (
    'alignas alignof auto bool break case catch char class const constexpr continue decltype default delete ' +
    'do double else enum explicit extern false float for friend if inline int long mutable namespace new ' +
    'noexcept nullptr operator private protected public return short signed sizeof static static_cast ' +
    'reinterpret_cast struct switch template this throw true try typedef typename union unsigned using ' +
    'virtual void volatile while size_t std'
  ).split(' '),
);

const CODON_KEYWORDS = new Set(
  (
    'and as assert break class continue def del elif else except False finally for from global if import in ' +
    'is lambda None nonlocal not or pass print raise return True try while with yield Ptr float int str ' +
    'bool List list byte cobj'
  ).split(' '),
);

interface Rule {
  kind: TokenKind;
  pattern: RegExp;
}

// Sticky patterns tried in order at each position; the first that matches wins.
const NUMBER = /(?:0[xX][0-9a-fA-F']+|\d[\d']*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)[uUlLfF]*/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;

const RULES: Record<CodeLanguage, Rule[]> = {
  cpp: [
    { kind: 'comment', pattern: /\/\/[^\n]*/y },
    { kind: 'comment', pattern: /\/\*[\s\S]*?(?:\*\/|$)/y },
    { kind: 'preprocessor', pattern: /^[ \t]*#[^\n]*/my },
    { kind: 'string', pattern: /"(?:[^"\\\n]|\\.)*"?/y },
    { kind: 'string', pattern: /'(?:[^'\\\n]|\\.)*'?/y },
  ],
  codon: [
    { kind: 'comment', pattern: /#[^\n]*/y },
    { kind: 'string', pattern: /[rRbBfF]?(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$))/y },
    { kind: 'string', pattern: /[rRbBfF]?(?:"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)/y },
  ],
};

/** Splits `source` into tokens (consecutive plain text is merged). */
export function tokenize(source: string, language: CodeLanguage): Token[] {
  const keywords = language === 'cpp' ? CPP_KEYWORDS : CODON_KEYWORDS;
  const tokens: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && kind === 'plain') last.text += text;
    else tokens.push({ kind, text });
  };
  let i = 0;
  outer: while (i < source.length) {
    for (const rule of RULES[language]) {
      rule.pattern.lastIndex = i;
      const m = rule.pattern.exec(source);
      if (m && m[0].length > 0) {
        push(rule.kind, m[0]);
        i += m[0].length;
        continue outer;
      }
    }
    WORD.lastIndex = i;
    const word = WORD.exec(source);
    if (word) {
      push(keywords.has(word[0]) ? 'keyword' : 'plain', word[0]);
      i += word[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(source);
    if (number && number[0].length > 0) {
      push('number', number[0]);
      i += number[0].length;
      continue;
    }
    push('plain', source[i] as string);
    i += 1;
  }
  return tokens;
}

/** The source as lines of tokens (a token spanning lines, like a block comment, is cut at each newline). */
export function highlightLines(source: string, language: CodeLanguage): Token[][] {
  const text = source.endsWith('\n') ? source.slice(0, -1) : source;
  const lines: Token[][] = [[]];
  for (const token of tokenize(text, language)) {
    token.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') (lines[lines.length - 1] as Token[]).push({ kind: token.kind, text: part });
    });
  }
  return lines;
}
