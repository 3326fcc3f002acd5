/** English diagnostic texts of src/sim/cpp/parse-expr.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.parse-expr.to-begin-an-initializer-list': 'to begin an initializer list',
  'cpp.parse-expr.a-designated-initializer': 'a designated initializer (.x = ...)',
  'cpp.parse-expr.to-close-the-initializer-list': 'to close the initializer list',
  'cpp.parse-expr.coroutines-co-yield-are-not-modelled':
    'coroutines (`co_yield`) are not modelled by this simulator',
  'cpp.parse-expr.in-the-conditional-expression-a-b': 'in the conditional expression (a ? b : c)',
  'cpp.parse-expr.throw-exceptions': '`throw` (exceptions)',
  'cpp.parse-expr.pointers-to-members-and-are-not':
    'pointers to members (.* and ->*) are not modelled by this simulator',
  'cpp.parse-expr.the-three-way-comparison-operator-is':
    'the three-way comparison operator <=> is not modelled by this simulator',
  'cpp.parse-expr.the-address-of-a-label-label':
    'the address of a label (&&label) is not modelled by this simulator',
  'cpp.parse-expr.after': "after '{0}'",
  'cpp.parse-expr.to-close': "to close '{0}('",
  'cpp.parse-expr.coroutines-co-await-are-not-modelled':
    'coroutines (`co_await`) are not modelled by this simulator',
  'cpp.parse-expr.the-noexcept-operator-is-not-modelled':
    'the noexcept operator is not modelled by this simulator',
  'cpp.parse-expr.to-close-the-type-of-the': 'to close the type of the cast',
  'cpp.parse-expr.compound-literals-t-are-c-not':
    'compound literals ((T){...}) are C, not C++; write T{...} instead',
  'cpp.parse-expr.sizeof-parameter-packs-is-not-modelled':
    'sizeof... (parameter packs) is not modelled by this simulator',
  'cpp.parse-expr.to-close-sizeof': "to close 'sizeof('",
  'cpp.parse-expr.placement-new-new-address-t-is':
    'placement new (new (address) T) is not modelled by this simulator',
  'cpp.parse-expr.to-close-the-type-after-new': 'to close the type after new',
  'cpp.parse-expr.in-delete': "in 'delete[]'",
  'cpp.parse-expr.to-begin-the-arguments': 'to begin the arguments',
  'cpp.parse-expr.pack-expansions-are-not-modelled-by':
    'pack expansions (...) are not modelled by this simulator',
  'cpp.parse-expr.to-close-the-argument-list': 'to close the argument list',
  'cpp.parse-expr.this-expression-is-too-long-for': 'this expression is too long for the simulator',
  'cpp.parse-expr.attributes-are-not-allowed-here': 'attributes are not allowed here',
  'cpp.parse-expr.to-close-the-subscript': 'to close the subscript',
  'cpp.parse-expr.calling-a-destructor-explicitly-is-not':
    'calling a destructor explicitly is not modelled by this simulator',
  'cpp.parse-expr.calling-an-operator-function-by-name':
    'calling an operator function by name is not modelled by this simulator',
  'cpp.parse-expr.expected-a-member-name-after': "expected a member name after '{0}'",
  'cpp.parse-expr.expected-an-expression': 'expected an expression',
  'cpp.parse-expr.expected-an-expression-found': 'expected an expression, found {0}',
  'cpp.parse-expr.after-2': "after '{0}<...>'",
  'cpp.parse-expr.to-close-2': "to close '{0}<...>('",
  'cpp.parse-expr.typeid-run-time-type-information-is':
    '`typeid` (run-time type information) is not modelled by this simulator',
  'cpp.parse-expr.requires-expressions-concepts-are-not-modelled':
    'requires-expressions (concepts) are not modelled by this simulator',
  'cpp.parse-expr.inline-assembly-is-not-modelled-by': 'inline assembly is not modelled by this simulator',
  'cpp.parse-expr.expected-or-after-the-type-name': "expected '(' or '{' after the type name",
  'cpp.parse-expr.statement-expressions-are-not-modelled-by':
    'statement expressions ({ ... }) are not modelled by this simulator',
  'cpp.parse-expr.to-close-the-parenthesis': 'to close the parenthesis',
  'cpp.parse-expr.a-lambda-expression': 'a lambda expression',
  'cpp.parse-expr.operator-overloading-is-not-modelled-by':
    'operator overloading is not modelled by this simulator',
  'cpp.parse-expr.expected-a-name': 'expected a name',
  'cpp.parse-expr.expected-a-name-after': "expected a name after '::'",
  'cpp.parse-expr.to-begin-template-arguments': 'to begin template arguments',
  'cpp.parse-expr.to-close-cast': "to close '{0}<'",
  'cpp.parse-expr.to-close-template-args': 'to close the template arguments',
};
