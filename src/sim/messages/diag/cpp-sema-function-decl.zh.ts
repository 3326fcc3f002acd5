/** 简体中文：src/sim/cpp/sema/function-decl.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.function-decl.is-already-declared-as-something-other': "'{0}' 已经被声明成函数以外的东西了",
  'cpp.sema.function-decl.no-member-function-with-these-parameters':
    "'{1}' 里没有声明带这些参数的成员函数 '{0}'",
  'cpp.sema.function-decl.conflicting-declaration-of-c-function-a':
    "C 函数 '{0}' 的声明冲突：C 链接的函数不能重载（前一个在第 {1} 行）",
  'cpp.sema.function-decl.the-destructor-of-must-be-named': "'{0}' 的析构函数必须叫 '~{1}'",
  'cpp.sema.function-decl.is-marked-override-but-does-not':
    "'{0}' 标了 'override'，却没有覆盖基类的任何虚函数",
  'cpp.sema.function-decl.constructors-cannot-be-virtual': '构造函数不能是虚函数',
  'cpp.sema.function-decl.only-special-member-functions-can-be':
    "只有特殊成员函数可以是 '= default'；'{0}' 不是",
  'cpp.sema.function-decl.conflicting-declaration-of-it-returned-when':
    "'{0}' 的声明冲突：第 {2} 行声明时它返回 '{1}'，现在是 '{3}'",
  'cpp.sema.function-decl.redefinition-of-first-defined-at-line': "重复定义 '{0}'（第一次定义在第 {1} 行）",
  'cpp.sema.function-decl.was-declared-delete-and-cannot-be': "'{0}' 声明为 '= delete'，不能再定义",
};
