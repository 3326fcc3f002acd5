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
};
