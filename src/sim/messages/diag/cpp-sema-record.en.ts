/** English diagnostic texts of src/sim/cpp/sema/record.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.record.is-not-a': "'{0}' is not a {1}",
  'cpp.sema.record.unknown-enum': "unknown enum '{0}'",
  'cpp.sema.record.unknown-type': "unknown type '{0}'",
  'cpp.sema.record.alignas-type-is-not-modelled-by':
    'alignas(type) is not modelled by this simulator; write alignas(N)',
  'cpp.sema.record.the-requested-alignment-must-be-a': 'the requested alignment must be a power of two',
  'cpp.sema.record.defining-a-class-with-a-qualified':
    'defining a class with a qualified name is not modelled by this simulator',
  'cpp.sema.record.redefinition-of-first-defined-at-line':
    "redefinition of '{0}' (first defined at line {1})",
  'cpp.sema.record.is-already-declared-as-something-else': "'{0}' is already declared as something else",
  'cpp.sema.record.is-not-a-class-and-cannot': "'{0}' is not a class and cannot be a base",
  'cpp.sema.record.the-base-class-is-incomplete-declared':
    "the base class '{0}' is incomplete (declared but not defined)",
  'cpp.sema.record.deriving-from-is-not-modelled-by': "deriving from '{0}' is not modelled by this simulator",
  'cpp.sema.record.an-anonymous-struct-or-union-member':
    'an anonymous struct or union member without a name is not modelled by this simulator; give it a name',
  'cpp.sema.record.a-qualified-name-is-not-allowed':
    'a qualified name is not allowed in a member declaration',
  'cpp.sema.record.auto-is-not-allowed-for-a': "'auto' is not allowed for a data member",
  'cpp.sema.record.a-constructor-or-destructor-cannot-have':
    'a constructor or destructor cannot have a return type',
  'cpp.sema.record.needs-a-return-type': "'{0}' needs a return type",
  'cpp.sema.record.member-initializers-need-a-constructor-body':
    'member initializers need a constructor body',
  'cpp.sema.record.is-already-declared-in': "'{0}' is already declared in '{1}'",
  'cpp.sema.record.the-member-has-an-invalid-type': "the member '{0}' has an invalid type: {1}",
  'cpp.sema.record.the-bit-field-must-have-an': "the bit-field '{0}' must have an integer type",
  'cpp.sema.record.the-width-of-the-bit-field':
    "the width of the bit-field '{0}' must be a constant between 0 and {1}",
  'cpp.sema.record.the-const-member-makes-the-class':
    "the const member '{0}' makes the class impossible to assign",
  'cpp.sema.record.the-underlying-type-of-an-enum':
    "the underlying type of an enum must be an integer type, not '{0}'",
  'cpp.sema.record.the-value-of-must-be-an': "the value of '{0}' must be an integer constant",
  'cpp.sema.record.is-already-declared-in-this-scope': "'{0}' is already declared in this scope",
};
