/** English diagnostic texts of src/sim/codon/parser.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'codon.parser.unexpected-indent-this-line-is-indented':
    'unexpected indent: this line is indented more than the line before it, but that line does not end with a colon (:).',
  'codon.parser.unexpected-indent-the-first-statement-of':
    'unexpected indent: the first statement of a file must start at column 1.',
  'codon.parser.without-a-matching-if-or-if':
    "'{0}' without a matching 'if' (or 'if' at a different indentation).",
  'codon.parser.without-a-matching-try-or-try':
    "'{0}' without a matching 'try' (or 'try' at a different indentation).",
  'codon.parser.two-values-in-a-row-is': 'two values in a row: is an operator or a comma missing before {0}?',
  'codon.parser.expected-the-end-of-the-line': 'expected the end of the line here, found {0}.',
  'codon.parser.msg': '`{0}`',
  'codon.parser.the-print-statement-form': 'the `print x` statement form',
  'codon.parser.call-the-function-print': 'call the function: `print(x)`.',
  'codon.parser.chained-assignment-a-b-v': 'chained assignment (`a = b = v`)',
  'codon.parser.assign-each-variable-on-its-own': 'assign each variable on its own line.',
  'codon.parser.the-operator': 'the operator `{0}`',
  'codon.parser.the-assignment-expression': 'the assignment expression `:=`',
  'codon.parser.unpacking-a-tuple-into-something-other':
    'unpacking a tuple into something other than plain variables',
  'codon.parser.unpack-into-variables-then-assign-those':
    'unpack into variables, then assign those: `a, b = t` then `xs[0] = a`.',
  'codon.parser.cannot-assign-to-given-expression-to':
    "cannot assign to given expression: to compare two values write '==' (a single '=' assigns).",
  'codon.parser.cannot-assign-to-given-expression-only':
    'cannot assign to given expression: only a variable, `a[i]` or `obj.field` can be assigned to.',
  'codon.parser.only-a-plain-variable-can-have':
    'only a plain variable can have a type annotation (`x: float = 0.0`).',
  'codon.parser.a-declaration-without-a-value': 'a declaration without a value (`{0}: ...`)',
  'codon.parser.give-it-a-value-e-g': 'give it a value, e.g. `{0}: int = 0`.',
  'codon.parser.expected-an-indented-block-after-the':
    'expected an indented block after the `{0}` on line {1}.',
  'codon.parser.blocks-are-nested-too-deeply-for':
    'blocks are nested too deeply for the simulator (more than {0} levels).',
  'codon.parser.expected-at-the-end-of-the':
    "expected ':' at the end of the `{0}` line; to compare two values write '==' (a single '=' assigns).",
  'codon.parser.expected-at-the-end-of-the-2': "expected ':' at the end of the {0}, found {1}.",
  'codon.parser.line': '`{0}` line',
  'codon.parser.else-line': '`else` line',
  'codon.parser.while-line': '`while` line',
  'codon.parser.an-else-clause-on-a-loop': 'an `else` clause on a loop',
  'codon.parser.a-loop-variable-name-after-for': 'a loop variable name after `for`',
  'codon.parser.expected-in-after-the-loop-variable': "expected 'in' after the loop variable, found {0}.",
  'codon.parser.for-line': '`for` line',
  'codon.parser.a-function-name-after-def': 'a function name after `def`',
  'codon.parser.a-generic-function-def-f-t': 'a generic function (`def f[T](...)`)',
  'codon.parser.expected-after-the-function-name': "expected '(' after the function name `{0}`.",
  'codon.parser.in-a-parameter-list': '`{0}` in a parameter list',
  'codon.parser.a-parameter-name': 'a parameter name',
  'codon.parser.a-default-parameter-value': 'a default parameter value',
  'codon.parser.expected-or-in-the-parameter-list':
    "expected ',' or ')' in the parameter list opened at line {0}, column {1}, found {2}.",
  'codon.parser.def-line': '`def {0}(...)` line',
  'codon.parser.the-decorator': 'the decorator `{0}`',
  'codon.parser.only-tuple-classes-are-modelled': 'only `@tuple` classes are modelled.',
  'codon.parser.expected-def-or-class-after-a': 'expected `def` or `class` after a decorator, found {0}.',
  'codon.parser.the-decorator-on-a-c-function': 'the decorator `{0}` on a C function',
  'codon.parser.return-types-required-for-llvm-and':
    'return types required for LLVM and C functions: add `-> T` (`-> None` for void).',
  'codon.parser.argument-within-c-function-definition-requires':
    "argument '{0}' within C function definition requires type annotation.",
  'codon.parser.a-class-name-after-class': 'a class name after `class`',
  'codon.parser.base-classes-and-generic-parameters-of': 'base classes and generic parameters of a class',
  'codon.parser.class-line': '`class {0}` line',
  'codon.parser.write-the-fields-of-the-class':
    'write the fields of the class on their own indented lines, e.g. `    x: float`.',
  'codon.parser.expected-an-indented-block-after-the-2':
    'expected an indented block after the `class` on line {0}.',
  'codon.parser.a-default-value-for-a-class': 'a default value for a class field',
  'codon.parser.a-decorator-on-a-method': 'a decorator on a method',
  'codon.parser.a-class-defined-inside-a-class': 'a class defined inside a class',
  'codon.parser.write-a-plain-method-def-m': 'write a plain method `def m(self, ...)`.',
  'codon.parser.define-it-at-the-top-level': 'define it at the top level of the file.',
  'codon.parser.a-class-body-may-only-declare':
    'a class body may only declare typed fields, one per line (e.g. `x: float`), and methods.',
  'codon.parser.import-of-a-module': '`import` of a module',
  'codon.parser.only-c-functions-can-be-imported':
    'only C functions can be imported: `from C import LIB.foo(Ptr[float]) -> None`.',
  'codon.parser.importing-from-python-from-python-import': 'importing from Python (`from python import ...`)',
  'codon.parser.importing-from-a-module-other-than': 'importing from a module other than `C`',
  'codon.parser.expected-to-close-the-list-of': "expected ')' to close the list of imported C functions.",
  'codon.parser.the-name-of-the-c-function': 'the name of the C function to import',
  'codon.parser.the-c-function-s-name-after': "the C function's name after `{0}.`",
  'codon.parser.write-the-library-as-one-name':
    'write the library as one name bound to its path: `LIB = "./libfoo.so"` then `from C import LIB.foo(...)`.',
  'codon.parser.importing-a-c-variable-from-c': 'importing a C variable (`from C import name: T`)',
  'codon.parser.a-name-after-as': 'a name after `as`',
  'codon.parser.from-c-import-lists-only-the':
    '`from C import` lists only the parameter types: write the type alone (not `{0}: ...`).',
  'codon.parser.a-variadic-c-function': 'a variadic C function (`...`)',
  'codon.parser.expected-or-in-the-parameter-types':
    "expected ',' or ')' in the parameter types opened at line {0}, column {1}, found {2}.",
  'codon.parser.global-hint': 'pass values to functions as parameters and return results instead.',
  'codon.parser.this-decorator': 'this decorator',
};
