/**
 * The diagnostic catalogues: for each front-end file converted to message ids, an English module
 * (the texts exactly as the file wrote them: `<file>.en.ts`) and a Chinese one (`<file>.zh.ts`),
 * merged here by language. common.ts and codon-emsg.ts hold the shared frames and Codon's quoted texts.
 */
import { en as codonEmsgEn, zh as codonEmsgZh } from './codon-emsg.ts';
import { en as commonEn, zh as commonZh } from './common.ts';
import { en as codonCheckClassEn } from './codon-check-class.en.ts';
import { zh as codonCheckClassZh } from './codon-check-class.zh.ts';
import { en as codonCheckCollectionsEn } from './codon-check-collections.en.ts';
import { zh as codonCheckCollectionsZh } from './codon-check-collections.zh.ts';
import { en as codonCheckExprEn } from './codon-check-expr.en.ts';
import { zh as codonCheckExprZh } from './codon-check-expr.zh.ts';
import { en as codonCheckerEn } from './codon-checker.en.ts';
import { zh as codonCheckerZh } from './codon-checker.zh.ts';
import { en as codonFstringEn } from './codon-fstring.en.ts';
import { zh as codonFstringZh } from './codon-fstring.zh.ts';
import { en as codonIndexEn } from './codon-index.en.ts';
import { zh as codonIndexZh } from './codon-index.zh.ts';
import { en as codonLexerEn } from './codon-lexer.en.ts';
import { zh as codonLexerZh } from './codon-lexer.zh.ts';
import { en as codonParseBaseEn } from './codon-parse-base.en.ts';
import { zh as codonParseBaseZh } from './codon-parse-base.zh.ts';
import { en as codonParseCollectionsEn } from './codon-parse-collections.en.ts';
import { zh as codonParseCollectionsZh } from './codon-parse-collections.zh.ts';
import { en as codonParseExprEn } from './codon-parse-expr.en.ts';
import { zh as codonParseExprZh } from './codon-parse-expr.zh.ts';
import { en as codonParseTryEn } from './codon-parse-try.en.ts';
import { zh as codonParseTryZh } from './codon-parse-try.zh.ts';
import { en as codonParserEn } from './codon-parser.en.ts';
import { zh as codonParserZh } from './codon-parser.zh.ts';

/** Each module's English and Chinese texts (exported for the catalogue tests). */
export const diagModules: { name: string; en: Record<string, string>; zh: Record<string, string> }[] = [
  { name: 'common', en: commonEn, zh: commonZh },
  { name: 'codon-emsg', en: codonEmsgEn, zh: codonEmsgZh },
  { name: 'codon-check-class', en: codonCheckClassEn, zh: codonCheckClassZh },
  { name: 'codon-check-collections', en: codonCheckCollectionsEn, zh: codonCheckCollectionsZh },
  { name: 'codon-check-expr', en: codonCheckExprEn, zh: codonCheckExprZh },
  { name: 'codon-checker', en: codonCheckerEn, zh: codonCheckerZh },
  { name: 'codon-fstring', en: codonFstringEn, zh: codonFstringZh },
  { name: 'codon-index', en: codonIndexEn, zh: codonIndexZh },
  { name: 'codon-lexer', en: codonLexerEn, zh: codonLexerZh },
  { name: 'codon-parse-base', en: codonParseBaseEn, zh: codonParseBaseZh },
  { name: 'codon-parse-collections', en: codonParseCollectionsEn, zh: codonParseCollectionsZh },
  { name: 'codon-parse-expr', en: codonParseExprEn, zh: codonParseExprZh },
  { name: 'codon-parse-try', en: codonParseTryEn, zh: codonParseTryZh },
  { name: 'codon-parser', en: codonParserEn, zh: codonParserZh },
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
