/** 简体中文：src/sim/cpp/sema/expr-call.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.expr-call.is-a-type-to-build-a':
    "'{0}' 是一个类型；要构造临时对象，请在类型已知的地方写 {0}{...} 或 {0}(...)",
  'cpp.sema.expr-call.deducing-the-template-arguments-of-the': "推断类模板 '{0}' 的模板参数",
  'cpp.sema.expr-call.write-them-as-in': '请把它们写出来，例如 `{0}<...>{...}`',
  'cpp.sema.expr-call.a-cannot-be-called-like-a': '{0} 不能像函数那样调用',
  'cpp.sema.expr-call.is-not-a-const-member-function':
    "'{0}' 不是 const 成员函数，所以不能在 const 的 '{1}' 上调用",
  'cpp.sema.expr-call.calling-a-virtual-function-through-a': '通过引用或指针调用虚函数（动态分派）',
  'cpp.sema.expr-call.call-it-on-the-object-itself': '请在对象本身上调用它',
  'cpp.sema.expr-call.is-not-a-class-so-it': "'{0}' 不是类，所以没有成员函数 '{1}'{2}",
  'cpp.sema.expr-call.braced-arguments-to-are-not-modelled': "本模拟器不模拟传给 '{0}' 的花括号参数",
  'cpp.sema.expr-call.is-not-a-member-function-of': "'{0}' 不是 '{1}' 的成员函数",
  'cpp.sema.expr-call.has-no-member-function': "'{0}' 没有成员函数 '{1}'",
  'cpp.sema.expr-call.is-not-a-function-and-cannot': "'{0}' 不是函数，不能调用",
  'cpp.sema.expr-call.the-function-pointer-takes-argument-but':
    '这个函数指针接受 {0} 个参数{1}，却给了 {2} 个',
  'cpp.sema.expr-call.argument': '参数 {0}',
  'cpp.sema.expr-call.a-call-through-a-pointer-to': '通过指针调用可变参数函数',
  'cpp.sema.expr-call.a-call-through-a-function-pointer':
    '通过函数指针调用按值传递或返回类、数组或 vector 的函数',
  'cpp.sema.expr-call.pass-a-pointer-to-it-instead': '请改为传它的指针',
  'cpp.sema.expr-call.a-call-through-a-function-pointer-2': '通过函数指针调用',
  'cpp.sema.expr-call.call-the-function-by-its-name': '请直接用函数名调用',
};
