/** 简体中文：src/sim/cpp/sema/expr-ops.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.expr-ops.needs-a-variable-or-another-object': '{0} 需要一个变量或其他对象（左值），而不是临时值',
  'cpp.sema.expr-ops.cannot-modify-a-const-object': '{0} 不能修改 const 对象{1}',
  'cpp.sema.expr-ops.cannot-modify-a-whole-array-copy':
    '{0} 不能修改整个数组（请复制它的元素，例如用 std::copy）',
  'cpp.sema.expr-ops.the-operator-cannot-be-applied-to': "运算符 '{0}' 不能用于 '{1}'",
  'cpp.sema.expr-ops.needs-a-pointer-but-this-is': "'*' 需要指针，但这里是 '{0}'",
  'cpp.sema.expr-ops.a-void-cannot-be-dereferenced-cast': "'void*' 不能解引用（请先把它转换成有类型的指针）",
  'cpp.sema.expr-ops.cannot-take-the-address-of-a': "不能取 '{0}' 类型临时值的地址",
  'cpp.sema.expr-ops.cannot-take-the-address-of-the': "不能取位域 '{0}' 的地址",
  'cpp.sema.expr-ops.the-operator-is-not-modelled-by': "本模拟器不模拟运算符 '{0}'",
  'cpp.sema.expr-ops.msg': "'{0}'",
  'cpp.sema.expr-ops.cannot-be-applied-to': "'{0}' 不能用于 '{1}'{2}",
  'cpp.sema.expr-ops.on-a-bool-is-deprecated-and': "对 bool 使用 '++' 已被弃用（C++17 中已移除）",
  'cpp.sema.expr-ops.printing-a-with-is-not-modelled': "本模拟器不模拟用 << 打印 '{0}'（请逐个打印它的元素）",
  'cpp.sema.expr-ops.a-scoped-enum-cannot-be-printed':
    "有作用域的枚举（'{0}'）不能直接用 << 打印；请用 static_cast<int>(...) 转换",
  'cpp.sema.expr-ops.a-void-value-cannot-be-printed': "'void' 值不能打印",
  'cpp.sema.expr-ops.the-operator-on-a': "'{1}' 上的运算符 '{0}'",
  'cpp.sema.expr-ops.invalid-operands-to-and': "'{0}' 的操作数无效：'{1}' 和 '{2}'{3}",
  'cpp.sema.expr-ops.cannot-subtract-pointers-to-different-types':
    "不能把指向不同类型的指针相减（'{0}' 和 '{1}'）",
  'cpp.sema.expr-ops.cannot-compare-with': "不能比较 '{0}' 和 '{1}'",
  'cpp.sema.expr-ops.ordering-a-pointer-against-a-null': "用 '{0}' 比较指针和空指针的大小没有意义",
  'cpp.sema.expr-ops.needs-integer-operands-but-got-and': "'{0}' 需要整数操作数，却得到了 '{1}' 和 '{2}'{3}",
  'cpp.sema.expr-ops.division-by-zero': '除以零',
  'cpp.sema.expr-ops.arithmetic-on-a-void-is-a': "对 'void*' 做算术是 GNU 扩展（按字节计数）",
  'cpp.sema.expr-ops.pointer-arithmetic-on-the-pointee-has': "对 '{0}' 做指针算术（所指类型没有大小）",
  'cpp.sema.expr-ops.assignment': '赋值',
  'cpp.sema.expr-ops.in-assignment': '{0}（在赋值中）',
  'cpp.sema.expr-ops.invalid-operands-to-and-2': "'{0}' 的操作数无效：'{1}' 和 '{2}'",
  'cpp.sema.expr-ops.needs-integer-operands': "'{0}' 需要整数操作数",
  'cpp.sema.expr-ops.cannot-assign-a-to-a': "不能把 '{0}' 赋给 '{1}'",
  'cpp.sema.expr-ops.std-unique-ptr-cannot-be-copied':
    'std::unique_ptr 不能被复制（它的复制赋值被删除了）；请用 std::move',
  'cpp.sema.expr-ops.the-assignment-of-is-deleted': "'{1}' 的{0}赋值被删除了",
  'cpp.sema.expr-ops.cannot-be-copy-assigned-a-user':
    "'{0}' 不能复制赋值：用户声明的移动操作删除了隐式的复制赋值",
  'cpp.sema.expr-ops.has-a-reference-member-so-it': "'{0}' 有引用成员，所以不能被赋值",
};
