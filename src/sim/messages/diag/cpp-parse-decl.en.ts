/** English diagnostic texts of src/sim/cpp/parse-decl.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.parse-decl.unexpected-with-no-matching': "unexpected '}' with no matching '{'",
  'cpp.parse-decl.modules-export-are-not-modelled-by':
    'modules (`export`) are not modelled by this simulator',
  'cpp.parse-decl.inline-assembly-is-not-modelled-by': 'inline assembly is not modelled by this simulator',
  'cpp.parse-decl.concepts-are-not-modelled-by-this': 'concepts are not modelled by this simulator',
  'cpp.parse-decl.expected-a-declaration-found': 'expected a declaration, found {0}',
  'cpp.parse-decl.a-member-template-template-inside-a': 'a member template (`template <...>` inside a class)',
  'cpp.parse-decl.namespace-aliases-are-not-modelled-by':
    'namespace aliases are not modelled by this simulator',
  'cpp.parse-decl.to-begin-the-namespace': 'to begin the namespace{0}',
  'cpp.parse-decl.expected-to-close-the-namespace': "expected '}' to close the namespace{0}",
  'cpp.parse-decl.unknown-language-linkage-only-c-and':
    'unknown language linkage "{0}" (only "C" and "C++" exist)',
  'cpp.parse-decl.expected-to-close-the-extern-block': 'expected \'}\' to close the extern "{0}" block',
  'cpp.parse-decl.after-the-using-directive': 'after the using-directive',
  'cpp.parse-decl.after-using': "after 'using {0}'",
  'cpp.parse-decl.after-the-alias': "after the alias '{0}'",
  'cpp.parse-decl.after-the-using-declaration': 'after the using-declaration',
  'cpp.parse-decl.after-static-assert': "after 'static_assert'",
  'cpp.parse-decl.expected-a-string-literal-as-the': 'expected a string literal as the static_assert message',
  'cpp.parse-decl.to-close-static-assert': "to close 'static_assert('",
  'cpp.parse-decl.after-static-assert-2': 'after static_assert(...)',
  'cpp.parse-decl.a-conversion-function-operator-is-not':
    'a conversion function (`operator {0}`) is not modelled by this simulator; write a named member function instead, such as `{0} value() const`',
  'cpp.parse-decl.expected-a-type-at-the-start': 'expected a type at the start of the declaration, found {0}',
  'cpp.parse-decl.does-not-name-a-type': "'{0}' does not name a type",
  'cpp.parse-decl.expected-after-the-declaration-of': "expected ';' after the declaration of {0}'{1}'",
  'cpp.parse-decl.expected-after-the-declaration': "expected ';' after the declaration",
  'cpp.parse-decl.after-the-declaration': 'after the declaration',
  'cpp.parse-decl.expected-a-name-for-the-declaration': 'expected a name for the declaration',
  'cpp.parse-decl.a-function-can-only-be-default': "a function can only be '= default', '= delete' or '= 0'",
  'cpp.parse-decl.expected-to-begin-the-constructor-s': "expected '{' to begin the constructor's body",
  'cpp.parse-decl.function-try-blocks-exceptions-are-not':
    'function-try-blocks (exceptions) are not modelled by this simulator',
  'cpp.parse-decl.a-function-cannot-be-defined-inside':
    'a function cannot be defined inside another function',
  'cpp.parse-decl.before-the-member-initializers': 'before the member initializers',
  'cpp.parse-decl.expected-or-after-the-member-initializer':
    "expected '(' or '{' after the member initializer '{0}'",
  'cpp.parse-decl.expected-a-name-or-after': "expected a name or '{' after '{0}'",
  'cpp.parse-decl.a-cannot-be-defined-here': 'a {0} cannot be defined here',
  'cpp.parse-decl.expected-a-base-class-name-found': 'expected a base class name, found {0}',
  'cpp.parse-decl.to-begin-the-body-of': "to begin the body of {0} '{1}'",
  'cpp.parse-decl.expected-to-close': "expected '}' to close {0} '{1}'",
  'cpp.parse-decl.expected-after-the-definition-of': "expected ';' after the definition of {0} '{1}'",
  'cpp.parse-decl.after': "after '{0}'",
  'cpp.parse-decl.a-using-declaration-inside-a-class': 'a using-declaration inside a class',
  'cpp.parse-decl.friend-declarations-are-not-modelled-by':
    '`friend` declarations are not modelled by this simulator',
  'cpp.parse-decl.expected-a-name-or-after-enum': "expected a name or '{' after 'enum'",
  'cpp.parse-decl.an-enum-cannot-be-defined-here': 'an enum cannot be defined here',
  'cpp.parse-decl.expected-an-enumerator-name-found': 'expected an enumerator name, found {0}',
  'cpp.parse-decl.to-close-the-enum': 'to close the enum{0}',
  'cpp.parse-decl.expected-after-the-definition-of-enum': "expected ';' after the definition of enum '{0}'",
};
