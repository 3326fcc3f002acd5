/** English diagnostic texts of src/sim/cpp/parse-type.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.parse-type.declspec-is-microsoft-c-and-is':
    '__declspec is Microsoft C++ and is not modelled by this simulator',
  'cpp.parse-type.to-close-the-attribute-arguments': 'to close the attribute arguments',
  'cpp.parse-type.expected-an-attribute-name-found': 'expected an attribute name, found {0}',
  'cpp.parse-type.to-close-the-attribute': 'to close the attribute',
  'cpp.parse-type.to-close-the-attribute-2': 'to close the attribute ([[...]])',
  'cpp.parse-type.after-attribute': "after '__attribute__'",
  'cpp.parse-type.after-attribute-gcc-attributes-take-two':
    "after '__attribute__(' (GCC attributes take two parentheses)",
  'cpp.parse-type.to-close-aligned': "to close 'aligned('",
  'cpp.parse-type.to-close-the-attribute-list': 'to close the attribute list',
  'cpp.parse-type.to-close-attribute': 'to close __attribute__((...))',
  'cpp.parse-type.after-alignas': "after 'alignas'",
  'cpp.parse-type.to-close-alignas': "to close 'alignas('",
  'cpp.parse-type.cannot-appear-in-a-type-here': "'{0}' cannot appear in a type here",
  'cpp.parse-type.consteval-functions-are-not-modelled-by':
    '`consteval` functions are not modelled by this simulator',
  'cpp.parse-type.friend-declarations-are-not-modelled-by':
    '`friend` declarations are not modelled by this simulator',
  'cpp.parse-type.is-not-modelled-by-this-simulator':
    "'{0}' is not modelled by this simulator; write the type out",
  'cpp.parse-type.auto-cannot-be-combined-with-another': "'auto' cannot be combined with another type",
  'cpp.parse-type.two-types-in-one-declaration-after':
    "two types in one declaration: '{0}' after a type name",
  'cpp.parse-type.two-types-in-one-declaration-after-2': "two types in one declaration: '{0}' after a type",
  'cpp.parse-type.pointers-to-members-are-not-modelled':
    'pointers to members are not modelled by this simulator',
  'cpp.parse-type.to-close-the-parenthesised-declarator': 'to close the parenthesised declarator',
  'cpp.parse-type.expected-a-class-name-after': "expected a class name after '~'",
  'cpp.parse-type.to-close-the-array-size': 'to close the array size',
  'cpp.parse-type.operator-overloading-operator-is-not-modelled':
    'operator overloading (operator{0}) is not modelled by this simulator',
  'cpp.parse-type.to-close-the-parameter-list': 'to close the parameter list',
  'cpp.parse-type.ref-qualified-member-functions-are-not':
    'ref-qualified member functions are not modelled by this simulator',
  'cpp.parse-type.expected-a-parameter-type-found': 'expected a parameter type, found {0}',
  'cpp.parse-type.expected-a-type-found': 'expected a type, found {0}',
  'cpp.parse-type.expected-a-type-after-new-found': "expected a type after 'new', found {0}",
  'cpp.parse-type.to-close-the-array-size-after': "to close the array size after 'new'",
};
