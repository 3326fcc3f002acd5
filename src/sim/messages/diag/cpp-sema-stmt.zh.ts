/** 简体中文：src/sim/cpp/sema/stmt.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.stmt.two-parameters-are-named': "有两个参数都叫 '{0}'",
  'cpp.sema.stmt.the-parameter-has-the-incomplete-type': "参数 '{0}' 的类型 '{1}' 不完整",
  'cpp.sema.stmt.returns-the-incomplete-type': "'{0}' 返回不完整的类型 '{1}'",
  'cpp.sema.stmt.only-constructors-can-have-member-initializers': '只有构造函数可以有成员初始化列表',
  'cpp.sema.stmt.control-reaches-the-end-of-non':
    "执行到了非 void 函数 '{0}' 的末尾却没有 return（调用方随后读到的是垃圾值）",
  'cpp.sema.stmt.is-initialised-twice': "'{0}' 被初始化了两次",
  'cpp.sema.stmt.has-no-member-or-base-named': "'{0}' 没有名为 '{1}' 的成员或基类",
  'cpp.sema.stmt.is-initialised-after-the-members-declared':
    "'{0}' 在声明于它之前的成员之后才初始化：成员按声明顺序初始化，而不是按这里书写的顺序",
  'cpp.sema.stmt.the-reference-member-must-be-initialised':
    "引用成员 '{0}' 必须在构造函数的初始化列表里初始化",
  'cpp.sema.stmt.the-statements-are-nested-too-deeply': '语句嵌套太深，模拟器处理不了',
  'cpp.sema.stmt.can-only-appear-inside-a-loop': "'{0}' 只能出现在循环里",
  'cpp.sema.stmt.this-statement-computes-a-value-and': '这条语句算出一个值又把它扔掉了（没有任何效果）',
  'cpp.sema.stmt.is-already-declared-in-this-scope': "'{0}' 已经在这个作用域里声明过了{1}",
  'cpp.sema.stmt.an-extern-declaration-inside-a-function': '函数里的 extern 声明',
  'cpp.sema.stmt.cannot-be-used-on-a-local': "'{0}' 不能用于局部变量",
  'cpp.sema.stmt.a-local-variable-cannot-have-a': '局部变量不能有限定名',
  'cpp.sema.stmt.declares-a-function-not-a-variable':
    "'{0}()' 声明的是函数而不是变量（“最令人烦恼的解析”）；要创建对象请写 '{0}{}' 或 '{0}'",
  'cpp.sema.stmt.declaring-a-function-inside-another-function': '在另一个函数里声明函数',
  'cpp.sema.stmt.the-variable-has-the-incomplete-type': "变量 '{0}' 的类型 '{1}' 不完整{2}",
  'cpp.sema.stmt.the-const-variable-must-be-initialised': "const 变量 '{0}' 必须初始化",
  'cpp.sema.stmt.the-size-of-the-array-is': "数组 '{0}' 的大小未知（请给出大小或初始化值）",
  'cpp.sema.stmt.a-range-for-needs-an-array': "范围 for 需要数组或 std::array 之类的容器，而不是 '{0}'",
  'cpp.sema.stmt.a-range-for-declares-exactly-one': '范围 for 只能声明一个变量',
  'cpp.sema.stmt.must-return-a-value-return-returns': "'{0}' 必须返回一个 '{1}' 值（'return;' 什么也不返回）",
  'cpp.sema.stmt.returns-void-so-it-cannot-return': "'{0}' 返回 void，所以不能返回值",
  'cpp.sema.stmt.returns-void-so-it-cannot-return-2': "'{0}' 返回 void，所以不能返回 '{1}'",
  'cpp.sema.stmt.a-constructor-or-destructor-cannot-return': '构造函数或析构函数不能返回值',
  'cpp.sema.stmt.this-returns-a-reference-to-a':
    '这里返回了一个指向临时对象的引用，它在 return 语句结束时就消亡了；g++ 会改为返回一个空引用（调用方拿到地址 0）',
  'cpp.sema.stmt.this-returns-the-address-of-the':
    "这里返回了局部变量 '{0}' 的地址，它在 '{1}' 返回时就消亡了；g++ 会改为返回空指针（调用方拿到 0）",
  'cpp.sema.stmt.this-returns-the-address-of-the-2':
    "这里返回了局部变量 '{0}' 的地址，它在 '{1}' 返回时就消亡了（调用方拿到的是悬空指针）",
};
