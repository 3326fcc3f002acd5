// Codon for Monaco: Python's Monarch grammar (monaco-editor's python.ts, MIT) plus Codon's own words,
// so the FFI boundary the tutorial is about (`from C import`, `Ptr[...]`, `cobj`, `__ptr__`) stands out.
// Only types are imported from Monaco: the definition is plain data, testable in Node.
import type { languages } from 'monaco-editor/editor';

/** The Monaco language id of Codon source. */
export const CODON_LANGUAGE_ID = 'codon';

/** Python 3 keywords and soft keywords (`keyword.kwlist + keyword.softkwlist`). */
export const PYTHON_KEYWORDS = [
  'False', 'None', 'True', '_', 'and', 'as', 'assert', 'async', 'await', 'break', 'case', 'class',
  'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import',
  'in', 'is', 'lambda', 'match', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'type',
  'while', 'with', 'yield',
]; // prettier-ignore

/** Built-in functions and types Codon shares with Python. */
export const BUILTINS = [
  'abs', 'all', 'any', 'bin', 'bool', 'callable', 'chr', 'dict', 'divmod', 'enumerate', 'filter', 'float',
  'frozenset', 'getattr', 'hasattr', 'hash', 'hex', 'id', 'input', 'int', 'isinstance', 'iter', 'len',
  'list', 'map', 'max', 'min', 'next', 'object', 'oct', 'open', 'ord', 'pow', 'print', 'range', 'repr',
  'reversed', 'round', 'self', 'set', 'setattr', 'slice', 'sorted', 'staticmethod', 'str', 'sum', 'super',
  'tuple', 'zip',
]; // prettier-ignore

/** Codon's low-level types for talking to C: a typed pointer `T*` and an untyped C pointer (`void*`). */
export const CODON_FFI_TYPES = ['Ptr', 'cobj'];

/** Codon's capitalised collection and machine-integer types. */
export const CODON_TYPES = [
  'List', 'Dict', 'Set', 'Tuple', 'Optional', 'Generator', 'Callable', 'Function', 'NoneType', 'Static',
  'Int', 'UInt', 'byte', 'i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128',
  'float32', 'float16',
]; // prettier-ignore

/** Compiler intrinsics: `__ptr__(x)` takes the address of a variable, `__array__[T](n)` a stack array. */
export const CODON_INTRINSICS = ['__ptr__', '__array__'];

/** Decorators with a meaning of their own in Codon (`@tuple` makes a by-value record type, `@C` declares a C function). */
export const CODON_DECORATORS = [
  'C', 'tuple', 'extend', 'llvm', 'python', 'par', 'export', 'inline', 'noinline', 'overload', 'pure', 'nonpure',
]; // prettier-ignore

/** The Monarch tokenizer for Codon. Token types end in `.codon`. */
export const codonLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.codon',
  keywords: PYTHON_KEYWORDS,
  builtins: BUILTINS,
  ffiTypes: CODON_FFI_TYPES,
  codonTypes: CODON_TYPES,
  intrinsics: CODON_INTRINSICS,
  codonDecorators: CODON_DECORATORS,
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.bracket' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
  ],
  tokenizer: {
    root: [
      // `from C import f() -> T` and `from python import m`: the module name is the boundary itself.
      [/(from)(\s+)(C|python)(?=\s+import\b)/, ['keyword', 'white', 'keyword.ffi']],
      { include: '@whitespace' },
      { include: '@numbers' },
      { include: '@strings' },
      [/[,:;.]/, 'delimiter'],
      [/->/, 'delimiter.arrow'],
      [/[{}[\]()]/, '@brackets'],
      [/@(\w+)/, { cases: { '$1@codonDecorators': 'tag.decorator', '@default': 'tag' } }],
      [
        /[a-zA-Z_]\w*/,
        {
          cases: {
            '@keywords': 'keyword',
            '@intrinsics': 'keyword.intrinsic',
            '@ffiTypes': 'type.ffi',
            '@codonTypes': 'type',
            '@builtins': 'predefined',
            '@default': 'identifier',
          },
        },
      ],
    ],
    // Unlike Monaco's Python grammar, a comment may follow code on the same line.
    whitespace: [
      [/\s+/, 'white'],
      [/#.*$/, 'comment'],
      [/'''/, 'string', '@endDocString'],
      [/"""/, 'string', '@endDblDocString'],
    ],
    endDocString: [
      [/[^']+/, 'string'],
      [/\\'/, 'string'],
      [/'''/, 'string', '@popall'],
      [/'/, 'string'],
    ],
    endDblDocString: [
      [/[^"]+/, 'string'],
      [/\\"/, 'string'],
      [/"""/, 'string', '@popall'],
      [/"/, 'string'],
    ],
    numbers: [
      [/0[xX][0-9a-fA-F_]+[a-zA-Z]*/, 'number.hex'],
      [/0[bB][01_]+[a-zA-Z]*/, 'number.binary'],
      [/(\d[\d_]*(\.[\d_]*)?|\.\d[\d_]*)([eE][+-]?\d+)?[jJ]?/, 'number'],
    ],
    strings: [
      [/'$/, 'string.escape', '@popall'],
      [/f'{1,3}/, 'string.escape', '@fStringBody'],
      [/'/, 'string.escape', '@stringBody'],
      [/"$/, 'string.escape', '@popall'],
      [/f"{1,3}/, 'string.escape', '@fDblStringBody'],
      [/"/, 'string.escape', '@dblStringBody'],
    ],
    fStringBody: [
      [/[^\\'{}]+$/, 'string', '@popall'],
      [/[^\\'{}]+/, 'string'],
      [/\{[^}':!=]+/, 'identifier', '@fStringDetail'],
      [/\\./, 'string'],
      [/'/, 'string.escape', '@popall'],
      [/\\$/, 'string'],
    ],
    stringBody: [
      [/[^\\']+$/, 'string', '@popall'],
      [/[^\\']+/, 'string'],
      [/\\./, 'string'],
      [/'/, 'string.escape', '@popall'],
      [/\\$/, 'string'],
    ],
    fDblStringBody: [
      [/[^\\"{}]+$/, 'string', '@popall'],
      [/[^\\"{}]+/, 'string'],
      [/\{[^}':!=]+/, 'identifier', '@fStringDetail'],
      [/\\./, 'string'],
      [/"/, 'string.escape', '@popall'],
      [/\\$/, 'string'],
    ],
    dblStringBody: [
      [/[^\\"]+$/, 'string', '@popall'],
      [/[^\\"]+/, 'string'],
      [/\\./, 'string'],
      [/"/, 'string.escape', '@popall'],
      [/\\$/, 'string'],
    ],
    fStringDetail: [
      [/[:][^}]+/, 'string'],
      [/[!][ars]/, 'string'],
      [/=/, 'string'],
      [/\}/, 'identifier', '@pop'],
    ],
  },
};

/** Comments, brackets and indentation for Codon (as Python's); `indent` is Monaco's IndentAction.Indent. */
export function codonLanguageConfiguration(indent: languages.IndentAction): languages.LanguageConfiguration {
  return {
    comments: { lineComment: '#', blockComment: ["'''", "'''"] },
    brackets: [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: '"', close: '"', notIn: ['string'] },
      { open: "'", close: "'", notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: '"', close: '"' },
      { open: "'", close: "'" },
    ],
    onEnterRules: [
      {
        beforeText:
          /^\s*(?:def|class|for|if|elif|else|while|try|with|finally|except|async|match|case).*?:\s*$/,
        action: { indentAction: indent },
      },
    ],
    folding: { offSide: true, markers: { start: /^\s*#region\b/, end: /^\s*#endregion\b/ } },
  };
}
