/** 简体中文：src/sim/cpp/sema/decl.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.decl.using-namespace-only-using-namespace-std':
    "'using namespace {0}'（只支持 'using namespace std;'）",
  'cpp.sema.decl.is-already-declared-in-this-scope': "'{0}' 已经在这个作用域里声明过了",
  'cpp.sema.decl.the-condition-of-static-assert-must': 'static_assert 的条件必须是常量表达式',
  'cpp.sema.decl.static-assertion-failed': '静态断言失败{0}',
  'cpp.sema.decl.the-default-argument-of-parameter-of': "'{1}' 的第 {0} 个参数的默认实参给了两次",
  'cpp.sema.decl.parameter-of-needs-a-default-argument':
    "'{1}' 的第 {0} 个参数需要默认实参，因为它前面的参数都有",
  'cpp.sema.decl.is-not-a-namespace-or-a': "'{0}' 不是命名空间，也不是已定义的类",
  'cpp.sema.decl.auto-is-not-allowed-in-a': "typedef 里不允许 'auto'",
  'cpp.sema.decl.needs-a-type': "'{0}' 需要一个类型",
  'cpp.sema.decl.needs-a-return-type': "'{0}' 需要返回类型",
  'cpp.sema.decl.can-only-appear-inside-the-class': "'{0}' 只能出现在类里",
  'cpp.sema.decl.can-only-be-used-on-member': "'{0}' 只能用于成员函数",
  'cpp.sema.decl.the-non-member-function-cannot-be': "非成员函数 '{0}' 不能是 'const'",
  'cpp.sema.decl.invalid-storage-class-for-the-function': "函数 '{0}' 的存储类别无效",
  'cpp.sema.decl.only-virtual-member-functions-can-be': "只有虚成员函数可以是 '= 0'",
  'cpp.sema.decl.member-initializers-need-a-constructor-body': '成员初始化列表需要构造函数体',
  'cpp.sema.decl.cannot-be-used-on-a-variable': "这里 '{0}' 不能用于变量",
  'cpp.sema.decl.no-variable-is-declared-in-that': "那个命名空间里没有声明变量 '{0}'",
  'cpp.sema.decl.conflicting-declaration-of-here-at-line':
    "'{0}' 的声明冲突：这里是 '{1}'，第 {3} 行是 '{2}'",
  'cpp.sema.decl.redefinition-of-first-defined-at-line': "重复定义 '{0}'（第一次定义在第 {1} 行）",
  'cpp.sema.decl.is-already-declared-as-something-else': "'{0}' 已经被声明成别的东西了",
  'cpp.sema.decl.the-size-of-the-array-is': "数组 '{0}' 的大小未知（请给出大小或初始化值）",
  'cpp.sema.decl.the-const-variable-must-be-initialised': "const 变量 '{0}' 必须初始化",
  'cpp.sema.decl.the-reference-must-be-initialised': "引用 '{0}' 必须初始化",
  'cpp.sema.decl.has-no-static-data-member': "'{0}' 没有静态数据成员 '{1}'",
  'cpp.sema.decl.was-declared-as-in-the-class': "'{0}' 在类里声明为 '{1}'，而不是 '{2}'",
  'cpp.sema.decl.the-static-member-is-initialised-twice': "静态成员 '{0}' 被初始化了两次",
};
