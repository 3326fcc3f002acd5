/** 简体中文：src/sim/codon/check-class.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'codon.check-class.calling-the-init-codon-generates-for':
    '在 `{0}` 自己的 `__init__` 之外，调用 Codon 为它生成的 `__init__`',
  'codon.check-class.pass-what-init-takes-argument': '请按 `{0}.__init__` 的要求传参（{1} 个参数{2}）。',
  'codon.check-class.msg': '{0}。',
  'codon.check-class.a-method-codon-generates': '`{0}.{1}()`（Codon 生成的方法）',
  'codon.check-class.a-class-whose-fields-codon-deduces':
    '字段由 Codon 从 `__init__` 推断出来的类（`self.{0} = ...`）',
  'codon.check-class.declare-each-field-with-its-type': '请在类体里声明每个字段及其类型，例如 `{0}: int`。',
  'codon.check-class.a-method-without-self-which-codon':
    '没有 `self` 的方法（`{0}`，Codon 把它当作 `{1}.{0}(...)` 调用）',
  'codon.check-class.write-self-first-def-self-or':
    '请把 `self` 写在第一个，`def {0}(self, ...)`，或者改成类外的函数。',
  'codon.check-class.del-a-finalizer-the-gc-runs': '`__del__`（GC 释放对象时运行的终结器）',
  'codon.check-class.free-c-resources-with-an-explicit':
    '请用一个显式的方法释放 C 资源，例如 `def close(self):`。',
  'codon.check-class.init-in-a-tuple-class': '`@tuple` 类里的 `__init__`',
  'codon.check-class.make-it-with-its-fields-or': '请用它的字段构造它，`{0}(...)`，或者去掉 `@tuple`。',
  'codon.check-class.defining-the-magic-method': '定义魔术方法 `{0}`',
  'codon.check-class.write-an-ordinary-method-e-g': '请写一个普通方法，例如 `def show(self) -> str:`。',
};
