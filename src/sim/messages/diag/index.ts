/**
 * The diagnostic catalogues: for each front-end file converted to message ids, an English module
 * (the texts exactly as the file wrote them: `<file>.en.ts`) and a Chinese one (`<file>.zh.ts`),
 * merged here by language. common.ts and codon-emsg.ts hold the shared frames and Codon's quoted texts.
 */
import { en as codonEmsgEn, zh as codonEmsgZh } from './codon-emsg.ts';
import { en as commonEn, zh as commonZh } from './common.ts';
import { en as codonCheckCallbackEn } from './codon-check-callback.en.ts';
import { en as codonCheckClassEn } from './codon-check-class.en.ts';
import { en as codonCheckCollectionsEn } from './codon-check-collections.en.ts';
import { en as codonCheckExprEn } from './codon-check-expr.en.ts';
import { en as codonCheckScopeEn } from './codon-check-scope.en.ts';
import { en as codonCheckerEn } from './codon-checker.en.ts';
import { en as codonFstringEn } from './codon-fstring.en.ts';
import { en as codonLexerEn } from './codon-lexer.en.ts';
import { en as codonParseBaseEn } from './codon-parse-base.en.ts';
import { en as codonParseCollectionsEn } from './codon-parse-collections.en.ts';
import { en as codonParseExprEn } from './codon-parse-expr.en.ts';
import { en as codonParseTryEn } from './codon-parse-try.en.ts';
import { en as codonParserEn } from './codon-parser.en.ts';

/** Each module's English and Chinese texts (exported for the catalogue tests). */
export const diagModules: { name: string; en: Record<string, string>; zh: Record<string, string> }[] = [
  { name: 'common', en: commonEn, zh: commonZh },
  { name: 'codon-emsg', en: codonEmsgEn, zh: codonEmsgZh },
  { name: 'codon-check-callback', en: codonCheckCallbackEn, zh: {} },
  { name: 'codon-check-class', en: codonCheckClassEn, zh: {} },
  { name: 'codon-check-collections', en: codonCheckCollectionsEn, zh: {} },
  { name: 'codon-check-expr', en: codonCheckExprEn, zh: {} },
  { name: 'codon-check-scope', en: codonCheckScopeEn, zh: {} },
  { name: 'codon-checker', en: codonCheckerEn, zh: {} },
  { name: 'codon-fstring', en: codonFstringEn, zh: {} },
  { name: 'codon-lexer', en: codonLexerEn, zh: {} },
  { name: 'codon-parse-base', en: codonParseBaseEn, zh: {} },
  { name: 'codon-parse-collections', en: codonParseCollectionsEn, zh: {} },
  { name: 'codon-parse-expr', en: codonParseExprEn, zh: {} },
  { name: 'codon-parse-try', en: codonParseTryEn, zh: {} },
  { name: 'codon-parser', en: codonParserEn, zh: {} },
];

function merge(lang: 'en' | 'zh'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of diagModules) Object.assign(out, m[lang]);
  return out;
}

export const diagCatalogues: Record<'en' | 'zh', Record<string, string>> = {
  en: merge('en'),
  zh: merge('zh'),
};
