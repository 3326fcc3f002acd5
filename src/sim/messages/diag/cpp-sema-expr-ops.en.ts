/** English diagnostic texts of src/sim/cpp/sema/expr-ops.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.expr-ops.needs-a-variable-or-another-object':
    '{0} needs a variable or another object (an lvalue), not a temporary value',
  'cpp.sema.expr-ops.cannot-modify-a-const-object': '{0} cannot modify a const object{1}',
  'cpp.sema.expr-ops.cannot-modify-a-whole-array-copy':
    '{0} cannot modify a whole array (copy its elements, e.g. with std::copy)',
  'cpp.sema.expr-ops.the-operator-cannot-be-applied-to': "the operator '{0}' cannot be applied to '{1}'",
  'cpp.sema.expr-ops.needs-a-pointer-but-this-is': "'*' needs a pointer, but this is '{0}'",
  'cpp.sema.expr-ops.a-void-cannot-be-dereferenced-cast':
    "a 'void*' cannot be dereferenced (cast it to a typed pointer first)",
  'cpp.sema.expr-ops.cannot-take-the-address-of-a':
    "cannot take the address of a temporary value of type '{0}'",
  'cpp.sema.expr-ops.cannot-take-the-address-of-the': "cannot take the address of the bit-field '{0}'",
  'cpp.sema.expr-ops.the-operator-is-not-modelled-by': "the operator '{0}' is not modelled by this simulator",
  'cpp.sema.expr-ops.msg': "'{0}'",
  'cpp.sema.expr-ops.cannot-be-applied-to': "'{0}' cannot be applied to '{1}'{2}",
  'cpp.sema.expr-ops.on-a-bool-is-deprecated-and': "'++' on a bool is deprecated (and removed in C++17)",
  'cpp.sema.expr-ops.printing-a-with-is-not-modelled':
    "printing a '{0}' with << is not modelled by this simulator (print its elements)",
  'cpp.sema.expr-ops.a-scoped-enum-cannot-be-printed':
    "a scoped enum ('{0}') cannot be printed with << directly; cast it with static_cast<int>(...)",
  'cpp.sema.expr-ops.a-void-value-cannot-be-printed': "a 'void' value cannot be printed",
  'cpp.sema.expr-ops.the-operator-on-a': "the operator '{0}' on a '{1}'",
  'cpp.sema.expr-ops.invalid-operands-to-and': "invalid operands to '{0}': '{1}' and '{2}'{3}",
  'cpp.sema.expr-ops.cannot-subtract-pointers-to-different-types':
    "cannot subtract pointers to different types ('{0}' and '{1}')",
  'cpp.sema.expr-ops.cannot-compare-with': "cannot compare '{0}' with '{1}'",
  'cpp.sema.expr-ops.ordering-a-pointer-against-a-null':
    "ordering a pointer against a null pointer with '{0}' is not meaningful",
  'cpp.sema.expr-ops.needs-integer-operands-but-got-and':
    "'{0}' needs integer operands, but got '{1}' and '{2}'{3}",
  'cpp.sema.expr-ops.division-by-zero': 'division by zero',
  'cpp.sema.expr-ops.arithmetic-on-a-void-is-a':
    "arithmetic on a 'void*' is a GNU extension (it counts bytes)",
  'cpp.sema.expr-ops.pointer-arithmetic-on-the-pointee-has':
    "pointer arithmetic on '{0}' (the pointee has no size)",
  'cpp.sema.expr-ops.assignment': 'assignment',
  'cpp.sema.expr-ops.in-assignment': '{0} in assignment',
  'cpp.sema.expr-ops.invalid-operands-to-and-2': "invalid operands to '{0}': '{1}' and '{2}'",
  'cpp.sema.expr-ops.needs-integer-operands': "'{0}' needs integer operands",
  'cpp.sema.expr-ops.cannot-assign-a-to-a': "cannot assign a '{0}' to a '{1}'",
  'cpp.sema.expr-ops.std-unique-ptr-cannot-be-copied':
    'std::unique_ptr cannot be copied (its copy assignment is deleted); use std::move',
  'cpp.sema.expr-ops.the-assignment-of-is-deleted': "the {0} assignment of '{1}' is deleted",
  'cpp.sema.expr-ops.cannot-be-copy-assigned-a-user':
    "'{0}' cannot be copy-assigned: a user-declared move operation deletes the implicit copy assignment",
  'cpp.sema.expr-ops.has-a-reference-member-so-it': "'{0}' has a reference member, so it cannot be assigned",
};
