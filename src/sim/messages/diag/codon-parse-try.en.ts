/** English diagnostic texts of src/sim/codon/parse-try.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.parse-try.try-line': '`try` line',
  'codon.parse-try.a-clause-on-try': 'a `{0}:` clause on `try`',
  'codon.parse-try.only-except-cerror-clauses-are-modelled': 'only `except CError:` clauses are modelled.',
  'codon.parse-try.catching-a-tuple-of-exception-classes': 'catching a tuple of exception classes',
  'codon.parse-try.write-except-cerror-the-error-a':
    'write `except CError:` (the error a failed `from C import LIB.f` raises).',
  'codon.parse-try.a-bare-except': 'a bare `except:`',
  'codon.parse-try.except-catching-an-exception-other-than':
    '`except {0}` (catching an exception other than CError)',
  'codon.parse-try.expected-a-variable-name-after-as':
    'expected a variable name after `as`, e.g. `except CError as e:`.',
  'codon.parse-try.except-line': '`except` line',
};
