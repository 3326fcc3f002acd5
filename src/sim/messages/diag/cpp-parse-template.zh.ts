/** 简体中文：src/sim/cpp/parse-template.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.parse-template.after-template': "在 'template' 之后",
  'cpp.parse-template.an-explicit-specialisation-template': '显式特化（`template <>`）',
  'cpp.parse-template.a-template-template-parameter': '模板模板参数',
  'cpp.parse-template.a-template-parameter-pack-typename': '模板参数包（`typename...`）',
  'cpp.parse-template.expected-the-name-of-the-template': '这里应当是模板参数的名字',
  'cpp.parse-template.a-default-template-argument': '默认模板实参',
  'cpp.parse-template.expected-a-template-parameter-found': '这里应当是模板参数，却遇到了{0}',
  'cpp.parse-template.a-template-parameter-pack': '模板参数包',
  'cpp.parse-template.to-close-the-template-parameters': '为了结束模板参数列表',
  'cpp.parse-template.a-member-template-defined-outside-its': '在类外定义的成员模板',
  'cpp.parse-template.an-alias-template-template-using': '别名模板（`template <...> using`）',
  'cpp.parse-template.a-member-of-a-class-template': '在类外定义的类模板成员',
  'cpp.parse-template.define-it-inside-the-class': '请在类里定义它',
};
