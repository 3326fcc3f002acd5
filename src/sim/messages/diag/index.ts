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
import { en as cppAstEn } from './cpp-ast.en.ts';
import { en as cppIndexEn } from './cpp-index.en.ts';
import { zh as cppIndexZh } from './cpp-index.zh.ts';
import { en as cppLexerEn } from './cpp-lexer.en.ts';
import { zh as cppLexerZh } from './cpp-lexer.zh.ts';
import { en as cppMangleEn } from './cpp-mangle.en.ts';
import { en as cppParseDeclEn } from './cpp-parse-decl.en.ts';
import { zh as cppParseDeclZh } from './cpp-parse-decl.zh.ts';
import { en as cppParseExprEn } from './cpp-parse-expr.en.ts';
import { zh as cppParseExprZh } from './cpp-parse-expr.zh.ts';
import { en as cppParseStmtEn } from './cpp-parse-stmt.en.ts';
import { zh as cppParseStmtZh } from './cpp-parse-stmt.zh.ts';
import { en as cppParseTemplateEn } from './cpp-parse-template.en.ts';
import { zh as cppParseTemplateZh } from './cpp-parse-template.zh.ts';
import { en as cppParseTypeEn } from './cpp-parse-type.en.ts';
import { zh as cppParseTypeZh } from './cpp-parse-type.zh.ts';
import { en as cppParserEn } from './cpp-parser.en.ts';
import { en as cppParserStateEn } from './cpp-parser-state.en.ts';
import { zh as cppParserStateZh } from './cpp-parser-state.zh.ts';
import { en as cppPpExprEn } from './cpp-pp-expr.en.ts';
import { zh as cppPpExprZh } from './cpp-pp-expr.zh.ts';
import { en as cppSemaAbiEn } from './cpp-sema-abi.en.ts';
import { en as cppSemaConstevalEn } from './cpp-sema-consteval.en.ts';
import { en as cppSemaContextEn } from './cpp-sema-context.en.ts';
import { zh as cppSemaContextZh } from './cpp-sema-context.zh.ts';
import { en as cppSemaConversionsEn } from './cpp-sema-conversions.en.ts';
import { zh as cppSemaConversionsZh } from './cpp-sema-conversions.zh.ts';
import { en as cppSemaDeclEn } from './cpp-sema-decl.en.ts';
import { zh as cppSemaDeclZh } from './cpp-sema-decl.zh.ts';
import { en as cppSemaExprEn } from './cpp-sema-expr.en.ts';
import { zh as cppSemaExprZh } from './cpp-sema-expr.zh.ts';
import { en as cppSemaExprCallEn } from './cpp-sema-expr-call.en.ts';
import { zh as cppSemaExprCallZh } from './cpp-sema-expr-call.zh.ts';
import { en as cppSemaExprOpsEn } from './cpp-sema-expr-ops.en.ts';
import { zh as cppSemaExprOpsZh } from './cpp-sema-expr-ops.zh.ts';
import { en as cppSemaFunctionDeclEn } from './cpp-sema-function-decl.en.ts';
import { zh as cppSemaFunctionDeclZh } from './cpp-sema-function-decl.zh.ts';
import { en as cppSemaHeadersEn } from './cpp-sema-headers.en.ts';
import { zh as cppSemaHeadersZh } from './cpp-sema-headers.zh.ts';
import { en as cppSemaInitEn } from './cpp-sema-init.en.ts';
import { zh as cppSemaInitZh } from './cpp-sema-init.zh.ts';
import { en as cppSemaLibcNamesEn } from './cpp-sema-libc-names.en.ts';
import { en as cppSemaLookupEn } from './cpp-sema-lookup.en.ts';
import { zh as cppSemaLookupZh } from './cpp-sema-lookup.zh.ts';
import { en as cppSemaMakeEn } from './cpp-sema-make.en.ts';
import { en as cppSemaModelledLibraryEn } from './cpp-sema-modelled-library.en.ts';
import { en as cppSemaOverloadEn } from './cpp-sema-overload.en.ts';
import { zh as cppSemaOverloadZh } from './cpp-sema-overload.zh.ts';
import { en as cppSemaPrintfEn } from './cpp-sema-printf.en.ts';
import { zh as cppSemaPrintfZh } from './cpp-sema-printf.zh.ts';
import { en as cppSemaRecordEn } from './cpp-sema-record.en.ts';
import { zh as cppSemaRecordZh } from './cpp-sema-record.zh.ts';
import { en as cppSemaResolveTypeEn } from './cpp-sema-resolve-type.en.ts';
import { zh as cppSemaResolveTypeZh } from './cpp-sema-resolve-type.zh.ts';
import { en as cppSemaScopeEn } from './cpp-sema-scope.en.ts';
import { en as cppSemaStdlibEn } from './cpp-sema-stdlib.en.ts';
import { zh as cppSemaStdlibZh } from './cpp-sema-stdlib.zh.ts';
import { en as cppSemaStmtEn } from './cpp-sema-stmt.en.ts';
import { zh as cppSemaStmtZh } from './cpp-sema-stmt.zh.ts';
import { en as cppSemaStringOpsEn } from './cpp-sema-string-ops.en.ts';
import { zh as cppSemaStringOpsZh } from './cpp-sema-string-ops.zh.ts';
import { en as cppSemaTemplateDeductionEn } from './cpp-sema-template-deduction.en.ts';
import { en as cppSemaTemplatesEn } from './cpp-sema-templates.en.ts';
import { zh as cppSemaTemplatesZh } from './cpp-sema-templates.zh.ts';
import { en as cppSemaTypesEn } from './cpp-sema-types.en.ts';
import { en as cppStdNamesEn } from './cpp-std-names.en.ts';
import { en as cppSyntaxEn } from './cpp-syntax.en.ts';
import { en as cppTokenEn } from './cpp-token.en.ts';

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
  { name: 'cpp-ast', en: cppAstEn, zh: {} },
  { name: 'cpp-index', en: cppIndexEn, zh: cppIndexZh },
  { name: 'cpp-lexer', en: cppLexerEn, zh: cppLexerZh },
  { name: 'cpp-mangle', en: cppMangleEn, zh: {} },
  { name: 'cpp-parse-decl', en: cppParseDeclEn, zh: cppParseDeclZh },
  { name: 'cpp-parse-expr', en: cppParseExprEn, zh: cppParseExprZh },
  { name: 'cpp-parse-stmt', en: cppParseStmtEn, zh: cppParseStmtZh },
  { name: 'cpp-parse-template', en: cppParseTemplateEn, zh: cppParseTemplateZh },
  { name: 'cpp-parse-type', en: cppParseTypeEn, zh: cppParseTypeZh },
  { name: 'cpp-parser', en: cppParserEn, zh: {} },
  { name: 'cpp-parser-state', en: cppParserStateEn, zh: cppParserStateZh },
  { name: 'cpp-pp-expr', en: cppPpExprEn, zh: cppPpExprZh },
  { name: 'cpp-sema-abi', en: cppSemaAbiEn, zh: {} },
  { name: 'cpp-sema-consteval', en: cppSemaConstevalEn, zh: {} },
  { name: 'cpp-sema-context', en: cppSemaContextEn, zh: cppSemaContextZh },
  { name: 'cpp-sema-conversions', en: cppSemaConversionsEn, zh: cppSemaConversionsZh },
  { name: 'cpp-sema-decl', en: cppSemaDeclEn, zh: cppSemaDeclZh },
  { name: 'cpp-sema-expr', en: cppSemaExprEn, zh: cppSemaExprZh },
  { name: 'cpp-sema-expr-call', en: cppSemaExprCallEn, zh: cppSemaExprCallZh },
  { name: 'cpp-sema-expr-ops', en: cppSemaExprOpsEn, zh: cppSemaExprOpsZh },
  { name: 'cpp-sema-function-decl', en: cppSemaFunctionDeclEn, zh: cppSemaFunctionDeclZh },
  { name: 'cpp-sema-headers', en: cppSemaHeadersEn, zh: cppSemaHeadersZh },
  { name: 'cpp-sema-init', en: cppSemaInitEn, zh: cppSemaInitZh },
  { name: 'cpp-sema-libc-names', en: cppSemaLibcNamesEn, zh: {} },
  { name: 'cpp-sema-lookup', en: cppSemaLookupEn, zh: cppSemaLookupZh },
  { name: 'cpp-sema-make', en: cppSemaMakeEn, zh: {} },
  { name: 'cpp-sema-modelled-library', en: cppSemaModelledLibraryEn, zh: {} },
  { name: 'cpp-sema-overload', en: cppSemaOverloadEn, zh: cppSemaOverloadZh },
  { name: 'cpp-sema-printf', en: cppSemaPrintfEn, zh: cppSemaPrintfZh },
  { name: 'cpp-sema-record', en: cppSemaRecordEn, zh: cppSemaRecordZh },
  { name: 'cpp-sema-resolve-type', en: cppSemaResolveTypeEn, zh: cppSemaResolveTypeZh },
  { name: 'cpp-sema-scope', en: cppSemaScopeEn, zh: {} },
  { name: 'cpp-sema-stdlib', en: cppSemaStdlibEn, zh: cppSemaStdlibZh },
  { name: 'cpp-sema-stmt', en: cppSemaStmtEn, zh: cppSemaStmtZh },
  { name: 'cpp-sema-string-ops', en: cppSemaStringOpsEn, zh: cppSemaStringOpsZh },
  { name: 'cpp-sema-template-deduction', en: cppSemaTemplateDeductionEn, zh: {} },
  { name: 'cpp-sema-templates', en: cppSemaTemplatesEn, zh: cppSemaTemplatesZh },
  { name: 'cpp-sema-types', en: cppSemaTypesEn, zh: {} },
  { name: 'cpp-std-names', en: cppStdNamesEn, zh: {} },
  { name: 'cpp-syntax', en: cppSyntaxEn, zh: {} },
  { name: 'cpp-token', en: cppTokenEn, zh: {} },
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
