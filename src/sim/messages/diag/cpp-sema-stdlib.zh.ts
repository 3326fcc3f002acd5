/** 简体中文：src/sim/cpp/sema/stdlib.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.stdlib.takes-argument-but-given': "'{0}' 接受 {1} 个参数{2}，却给了 {3} 个{4}",
  'cpp.sema.stdlib.for-argument-of': "{0}（'{2}' 的第 {1} 个参数）",
  'cpp.sema.stdlib.the-library-function': "库函数 '{0}'",
  'cpp.sema.stdlib.msg': "'{0}'",
  'cpp.sema.stdlib.with-explicit-template-arguments-is-not': "本模拟器不模拟带显式模板实参的 '{0}'",
  'cpp.sema.stdlib.braced-arguments-to-are-not-modelled': "本模拟器不模拟传给 '{0}' 的花括号参数",
  'cpp.sema.stdlib.std-move-takes-one-argument-but': "'std::move' 接受一个参数，却给了 {0} 个",
  'cpp.sema.stdlib.takes-two-arguments-here': "这里 '{0}' 接受两个参数",
  'cpp.sema.stdlib.needs-two-arguments-of-the-same':
    "'{0}' 需要两个相同算术类型的参数，却得到了 '{1}' 和 '{2}'",
  'cpp.sema.stdlib.std-swap-takes-two-arguments': "'std::swap' 接受两个参数",
  'cpp.sema.stdlib.std-swap-of-two-objects': "对两个 '{0}' 对象做 'std::swap'",
  'cpp.sema.stdlib.std-swap-needs-two-modifiable-variables':
    "'std::swap' 需要两个可修改的同类型变量，而不是 '{0}' 和 '{1}'",
  'cpp.sema.stdlib.std-cannot-be-called': "'std::{0}' 不能调用",
  'cpp.sema.stdlib.the-library-function-std': "库函数 'std::{0}'",
  'cpp.sema.stdlib.needs-at-least-argument': "'{0}' 至少需要 {1} 个参数{2}",
  'cpp.sema.stdlib.argument-of': "'{1}' 的第 {0} 个参数",
  'cpp.sema.stdlib.free-null-does-nothing': 'free(NULL) 什么也不做',
  'cpp.sema.stdlib.takes-arguments-but-given': "'{0}' 接受 3 个参数，却给了 {1} 个{2}",
  'cpp.sema.stdlib.argument-of-must-be-a-pointer':
    "'{1}' 的第 {0} 个参数必须是指针或迭代器（例如 bar.begin()），而不是 '{2}'",
  'cpp.sema.stdlib.argument-of-must-be-a-count': "'{1}' 的第 {0} 个参数必须是个数（整数）",
  'cpp.sema.stdlib.the-first-two-arguments-of-std':
    "'std::copy' 的前两个参数必须指向同一类型（'{0}' 和 '{1}'）",
  'cpp.sema.stdlib.cannot-write-through-it-points-to': "'{0}' 不能通过 '{1}' 写入（它指向 const）",
  'cpp.sema.stdlib.is-modelled-for-elements-of-scalar': "'{0}' 只对标量类型的元素建模，不支持 '{1}'",
  'cpp.sema.stdlib.cannot-store-values-into': "'{0}' 不能把 '{1}' 值存进 '{2}'",
  'cpp.sema.stdlib.the-value-for': "{0}（'{1}' 的值）",
  'cpp.sema.stdlib.needs-the-type-to-create-as':
    "'{0}' 需要写出要创建的类型，例如 {0}<std::array<double, 4>>()",
  'cpp.sema.stdlib.needs-a-type-as-its-template': "'{0}' 需要一个类型作为模板实参",
  'cpp.sema.stdlib.std-make-shared-of-an-array': "本模拟器不模拟数组的 'std::make_shared'",
  'cpp.sema.stdlib.std-make-unique-t-takes-the':
    "'std::make_unique<T[]>' 接受元素个数：std::make_unique<double[]>(n)",
  'cpp.sema.stdlib.the-number-of-elements-must-be': '元素个数必须是整数',
  'cpp.sema.stdlib.cannot-create-a': "'{0}' 不能创建 '{1}'",
  'cpp.sema.stdlib.has-no-member-function': "'{0}' 没有成员函数 '{1}'",
  'cpp.sema.stdlib.std-unique-ptr-t-has-no': "'std::unique_ptr<T>' 没有 [ ]（只有 std::unique_ptr<T[]> 有）",
  'cpp.sema.stdlib.std-unique-ptr-t-has-no-2': "'std::unique_ptr<T[]>' 没有 {0}（请用 [ ] 下标访问）",
  'cpp.sema.stdlib.modifies-the-object-which-is-const': "'{0}' 会修改对象，而这里它是 const",
  'cpp.sema.stdlib.a-std-vector-of-class-objects': "由类对象组成的 std::vector（'std::vector<{0}>'）",
  'cpp.sema.stdlib.use-an-array-of-the-class': '请改用这个类的数组，或者标量类型的 std::vector',
  'cpp.sema.stdlib.is-a-member-function-of-call': "'{0}' 是 '{1}' 的成员函数：请调用它，例如 x.{0}()",
  'cpp.sema.stdlib.has-no-accessible-member-in-this': "在本模拟器里 '{0}' 没有可访问的成员 '{1}'",
};
