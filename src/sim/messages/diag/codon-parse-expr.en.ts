/** English diagnostic texts of src/sim/codon/parse-expr.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.parse-expr.this-expression-is-nested-too-deeply':
    'this expression is nested too deeply for the simulator (more than {0} levels).',
  'codon.parse-expr.this-expression-is-too-long-or':
    'this expression is too long or nested too deeply for the simulator (more than {0} levels).',
  'codon.parse-expr.the-assignment-expression': 'the assignment expression `:=`',
  'codon.parse-expr.expected-else-in-the-conditional-expression':
    "expected 'else' in the conditional expression `a if condition else b`.",
  'codon.parse-expr.expected-after-the-parameters-of-lambda':
    "expected ':' after the parameters of `lambda`.",
  'codon.parse-expr.lambda': '`lambda`',
  'codon.parse-expr.define-a-function-with-def-instead': 'define a function with `def` instead.',
  'codon.parse-expr.the-bitwise-operator': 'the bitwise operator `~`',
  'codon.parse-expr.an-attribute-name-after': "an attribute name after '.'",
  'codon.parse-expr.expected-to-close-the-call-opened':
    "expected ')' to close the call opened at line {0}, column {1}.",
  'codon.parse-expr.unpacking-arguments-with': 'unpacking arguments with `{0}`',
  'codon.parse-expr.a-generator-expression': 'a generator expression',
  'codon.parse-expr.build-a-list-with-a-list': 'build a list with a list comprehension `[...]` instead.',
  'codon.parse-expr.positional-argument-follows-keyword-argument':
    'positional argument follows keyword argument.',
  'codon.parse-expr.expected-or-in-the-call-opened':
    "expected ',' or ')' in the call opened at line {0}, column {1}, found {2}.",
  'codon.parse-expr.expected-an-index-between-and': "expected an index between '[' and ']'.",
  'codon.parse-expr.expected-to-close-the-at-line': "expected ']' to close the '[' at line {0}, column {1}.",
  'codon.parse-expr.a-slice-with-a-step-a': 'a slice with a step (`a[i:j:k]`)',
  'codon.parse-expr.slicing-with-several-values': 'slicing with several values',
  'codon.parse-expr.the-type': 'the type `{0}[...]`',
  'codon.parse-expr.indexing-with-several-values-a-i': 'indexing with several values (`a[i, j]`)',
  'codon.parse-expr.msg': '`{0}`',
  'codon.parse-expr.expected-a-value-here-but-is': "expected a value here, but '{0}' is a reserved word.",
  'codon.parse-expr.the-ellipsis': 'the ellipsis `...`',
  'codon.parse-expr.expected-a-value-here-found': "expected a value here, found '{0}'.",
  'codon.parse-expr.expected-a-value-here-found-2': 'expected a value here, found {0}.',
  'codon.parse-expr.float-cannot-fit-into-bit-float': "float '{0}' cannot fit into 64-bit float.",
  'codon.parse-expr.a-bytes-literal-b': "a bytes literal (b'...')",
  'codon.parse-expr.an-f-string-field-needs-an': 'an f-string field needs an expression between `{` and `}`.',
  'codon.parse-expr.the-format-spec': 'the format spec `{0}`',
  'codon.parse-expr.the-simulator-models-fill-align-sign':
    'the simulator models `[[fill]align][sign][#][width][.precision][type]` with the types d x X o b f F e E g G.',
  'codon.parse-expr.expected-the-end-of-the-f': 'expected the end of the f-string field here, found {0}.',
  'codon.parse-expr.the-empty-tuple': 'the empty tuple `()`',
  'codon.parse-expr.expected-to-close-the-generator-expression':
    "expected ')' to close the generator expression.",
  'codon.parse-expr.expected-to-close-the-at-line-2':
    "expected ')' to close the '(' at line {0}, column {1}.",
  'codon.parse-expr.expected-to-close-the-at-line-3':
    "expected ')' to close the '(' at line {0}, column {1}, found {2}.",
  'codon.parse-expr.unpacking-with-in-a-list': 'unpacking with `*` in a list',
  'codon.parse-expr.expected-to-close-the-list-comprehension':
    "expected ']' to close the list comprehension.",
  'codon.parse-expr.expected-or-in-the-list-that':
    "expected ',' or ']' in the list that starts at line {0}, column {1}, found {2}.",
  'codon.parse-expr.a-loop-variable-name-after-for': 'a loop variable name after `for`',
  'codon.parse-expr.expected-in-after-the-loop-variable':
    "expected 'in' after the loop variable of the comprehension.",
  'codon.parse-expr.a-comprehension-with-several-for-clauses': 'a comprehension with several `for` clauses',
  'codon.parse-expr.use-nested-for-loops-and-append': 'use nested `for` loops and `append`.',
  'codon.parse-expr.unpacking-several-loop-variables': 'unpacking several loop variables',
  'codon.parse-expr.a-dict-or-set-display': 'a dict or set display `{...}`',
  'codon.parse-expr.bitwise-op': 'the bitwise operator `{0}`',
  'codon.parse-expr.shift-op': 'the shift operator `{0}`',
  'codon.parse-expr.matrix-op': 'the matrix operator `{0}`',
  'codon.parse-expr.pipeline-op': 'the pipeline operator `{0}`',
  'codon.parse-expr.is-op': 'the `is` operator',
};
