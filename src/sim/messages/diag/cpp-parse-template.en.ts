/** English diagnostic texts of src/sim/cpp/parse-template.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.parse-template.after-template': "after 'template'",
  'cpp.parse-template.an-explicit-specialisation-template': 'an explicit specialisation (`template <>`)',
  'cpp.parse-template.a-template-template-parameter': 'a template template parameter',
  'cpp.parse-template.a-template-parameter-pack-typename': 'a template parameter pack (`typename...`)',
  'cpp.parse-template.expected-the-name-of-the-template': 'expected the name of the template parameter',
  'cpp.parse-template.a-default-template-argument': 'a default template argument',
  'cpp.parse-template.expected-a-template-parameter-found': 'expected a template parameter, found {0}',
  'cpp.parse-template.a-template-parameter-pack': 'a template parameter pack',
  'cpp.parse-template.to-close-the-template-parameters': 'to close the template parameters',
  'cpp.parse-template.a-member-template-defined-outside-its': 'a member template defined outside its class',
  'cpp.parse-template.an-alias-template-template-using': 'an alias template (`template <...> using`)',
  'cpp.parse-template.a-member-of-a-class-template': 'a member of a class template defined outside its class',
  'cpp.parse-template.define-it-inside-the-class': 'define it inside the class',
};
