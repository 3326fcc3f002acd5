/**
 * Codon's own error texts (`Emsg` in codon/compiler/error.h, Codon 0.19; see src/sim/codon/messages.ts),
 * the tokens the Codon parser names in its messages, and the learner hints appended to a type
 * mismatch. The `codon.emsg.*` texts quote Codon: in Chinese the rendering is followed by the English
 * original (messages/diag-format.ts); the others are the project's own and translated whole.
 */
export const en: Record<string, string> = {
  'codon.emsg.type-unify': "'{0}' does not match expected type '{1}'",
  'codon.emsg.id-not-found': "name '{0}' is not defined",
  'codon.emsg.dot-no-attr': "'{0}' object has no attribute '{1}'",
  'codon.emsg.op-no-magic': "unsupported operand type(s) for {0}: '{1}' and '{2}'",
  'codon.emsg.call-args-many': '{0}() takes {1} arguments ({2} given)',
  'codon.emsg.call-args-missing': "{0}() missing 1 required positional argument: '{1}'",
  'codon.emsg.call-args-invalid': "'{0}' is an invalid keyword argument for {1}()",
  'codon.emsg.int-range': "integer '{0}' cannot fit into 64-bit integer",
  'codon.emsg.tuple-range-bounds': 'tuple index out of range (expected 0..{0}, got instead {1})',
  'codon.emsg.call-ptr-var': '__ptr__() only takes identifiers or tuple fields as arguments',
  'codon.emsg.assign-unexpected-frozen': 'cannot modify tuple attributes',
  'codon.emsg.fn-arg-twice': "duplicate argument '{0}' in function definition",
  'codon.emsg.class-arg-twice': "duplicate data attribute '{0}' in class definition",
  'codon.emsg.outside-function': "'{0}' outside function",
  'codon.emsg.outside-loop': "'{0}' outside loop",
  'codon.emsg.local-before-assignment': "local variable '{0}' referenced before assignment",
  'codon.emsg.export-generic': 'builtin, exported and external functions cannot be generic',
  'codon.token.newline': 'the end of the line',
  'codon.token.eof': 'the end of the file',
  'codon.token.indent': 'an indented line',
  'codon.token.dedent': 'the end of the block',
  'codon.token.string': 'a string',
  'codon.token.quoted': "'{0}'",
  'codon.empty': '',
  'codon.period': '.',
  'codon.plural-s': 's',
  'codon.hint.buffer-named': '`{0}.arr.ptr`',
  'codon.hint.buffer-list': "the list's buffer (`lst.arr.ptr`)",
  'codon.hint.list-to-ptr':
    ' Codon has no implicit conversion from a list to a pointer: a list is an object {len, arr} on the GC heap, and C needs the address of its numbers. Pass {0}, or allocate the buffer yourself: `buf = Ptr[{1}](4)`.',
  'codon.hint.ptr-to-list':
    ' A pointer is not a list: copy the values into one, e.g. `[p[i] for i in range(4)]`.',
  'codon.hint.int-to-ptr':
    ' A number is not a pointer: use `Ptr[{0}]()` for a null pointer, or `Ptr[{0}](n)` to allocate n elements.',
  'codon.hint.float-to-int':
    ' Codon converts an int to a float where a float is expected, but never a float to an int: write `int(x)`.',
  'codon.hint.str-to-ptr':
    " A str is a {len, ptr} pair, not a pointer: pass `s.ptr` for its bytes (a literal's bytes end with a NUL, other strings' need not).",
  'codon.hint.ptr-elem': ' The element types differ: a Ptr[{0}] points to {0} values, not {1} values.',
};

export const zh: Record<string, string> = {
  'codon.emsg.type-unify': "'{0}' 与预期类型 '{1}' 不匹配",
  'codon.emsg.id-not-found': "名字 '{0}' 未定义",
  'codon.emsg.dot-no-attr': "'{0}' 对象没有属性 '{1}'",
  'codon.emsg.op-no-magic': "运算符 {0} 不支持操作数类型 '{1}' 和 '{2}'",
  'codon.emsg.call-args-many': '{0}() 接受 {1} 个参数（给了 {2} 个）',
  'codon.emsg.call-args-missing': "{0}() 缺少 1 个必需的位置参数：'{1}'",
  'codon.emsg.call-args-invalid': "'{0}' 不是 {1}() 的有效关键字参数",
  'codon.emsg.int-range': "整数 '{0}' 放不进 64 位整数",
  'codon.emsg.tuple-range-bounds': '元组下标越界（应为 0..{0}，实际是 {1}）',
  'codon.emsg.call-ptr-var': '__ptr__() 的参数只能是标识符或元组字段',
  'codon.emsg.assign-unexpected-frozen': '不能修改元组的属性',
  'codon.emsg.fn-arg-twice': "函数定义中参数 '{0}' 重复",
  'codon.emsg.class-arg-twice': "类定义中数据属性 '{0}' 重复",
  'codon.emsg.outside-function': "'{0}' 出现在函数之外",
  'codon.emsg.outside-loop': "'{0}' 出现在循环之外",
  'codon.emsg.local-before-assignment': "局部变量 '{0}' 在赋值之前就被引用",
  'codon.emsg.export-generic': '内置函数、导出函数和外部函数不能是泛型的',
  'codon.token.newline': '行尾',
  'codon.token.eof': '文件末尾',
  'codon.token.indent': '一个缩进的行',
  'codon.token.dedent': '代码块的结尾',
  'codon.token.string': '一个字符串',
  'codon.token.quoted': "'{0}'",
  'codon.empty': '',
  'codon.period': '。',
  'codon.plural-s': '',
  'codon.hint.buffer-named': '`{0}.arr.ptr`',
  'codon.hint.buffer-list': '列表的缓冲区（`lst.arr.ptr`）',
  'codon.hint.list-to-ptr':
    ' Codon 没有从列表到指针的隐式转换：列表是 GC 堆上的一个对象 `{len, arr}`，而 C 需要的是那些数的地址。请传 {0}，或者自己分配缓冲区：`buf = Ptr[{1}](4)`。',
  'codon.hint.ptr-to-list': ' 指针不是列表：把值复制到一个列表里，例如 `[p[i] for i in range(4)]`。',
  'codon.hint.int-to-ptr': ' 数不是指针：空指针写 `Ptr[{0}]()`，分配 n 个元素写 `Ptr[{0}](n)`。',
  'codon.hint.float-to-int':
    ' 在需要 float 的地方，Codon 会把 int 转成 float，但从不把 float 转成 int：请写 `int(x)`。',
  'codon.hint.str-to-ptr':
    ' str 是一对 `{len, ptr}`，不是指针：要它的字节请传 `s.ptr`（字面量的字节以 NUL 结尾，其他字符串不一定）。',
  'codon.hint.ptr-elem': ' 元素类型不同：Ptr[{0}] 指向的是 {0} 值，而不是 {1} 值。',
};
