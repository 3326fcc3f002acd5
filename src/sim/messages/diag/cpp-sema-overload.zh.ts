/** 简体中文：src/sim/cpp/sema/overload.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.overload.takes-argument-but-given': "'{0}' 接受 {1} 个参数{2}，却给了 {3} 个{4}",
  'cpp.sema.overload.cannot-convert-to-for-argument-of':
    "不能把 '{0}' 转换成 '{1}' 作为 '{3}' 的第 {2} 个参数",
  'cpp.sema.overload.no-matching-function-for-call-to': "没有与调用 '{0}({1})' 匹配的函数",
  'cpp.sema.overload.no-matching-function-for-call-to-2': "没有与调用 '{0}({1})' 匹配的函数；候选有 {2}",
  'cpp.sema.overload.the-call-is-ambiguous-match-equally': "调用 '{0}({1})' 有歧义：{2} 匹配得一样好",
  'cpp.sema.overload.is-deleted-and-cannot-be-called': "'{0}' 被删除了，不能调用",
  'cpp.sema.overload.passing-a-object-through-is-not': "本模拟器不模拟通过 '...' 传递 '{0}' 对象（{1}）",
  'cpp.sema.overload.a-void-value-cannot-be-passed': "'void' 值不能传递（{0}）",
  'cpp.sema.overload.msg': '{0}（{1}）',
};
