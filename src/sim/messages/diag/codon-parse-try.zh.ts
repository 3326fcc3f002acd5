/** 简体中文：src/sim/codon/parse-try.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'codon.parse-try.try-line': '`try` 行',
  'codon.parse-try.a-clause-on-try': '`try` 上的 `{0}:` 子句',
  'codon.parse-try.only-except-cerror-clauses-are-modelled': '只模拟 `except CError:` 子句。',
  'codon.parse-try.catching-a-tuple-of-exception-classes': '捕获一组异常类（元组）',
  'codon.parse-try.write-except-cerror-the-error-a':
    '请写 `except CError:`（`from C import LIB.f` 失败时抛出的错误）。',
  'codon.parse-try.a-bare-except': '不带类型的 `except:`',
  'codon.parse-try.except-catching-an-exception-other-than': '`except {0}`（捕获 CError 以外的异常）',
  'codon.parse-try.expected-a-variable-name-after-as': '`as` 后面应当是变量名，例如 `except CError as e:`。',
  'codon.parse-try.except-line': '`except` 行',
};
