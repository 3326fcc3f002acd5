/** Diagnostic texts shared by both front ends: how a refusal is framed. */
export const en: Record<string, string> = {
  /** `{0}` is what is not modelled; the hint, when there is one, follows `; `. */
  'diag.not-modelled': '{0} is not modelled by this simulator.',
  'diag.not-modelled-hint': '{0} is not modelled by this simulator; {1}',
  'diag.not-modelled-cpp': '{0} is not modelled by this simulator',
  'diag.not-modelled-cpp-hint': '{0} is not modelled by this simulator; {1}',
  'diag.too-many-errors': 'too many errors ({0}); the rest of the file was not checked',
};

export const zh: Record<string, string> = {
  'diag.not-modelled': '本模拟器不模拟{0}。',
  'diag.not-modelled-hint': '本模拟器不模拟{0}；{1}',
  'diag.not-modelled-cpp': '本模拟器不模拟{0}',
  'diag.not-modelled-cpp-hint': '本模拟器不模拟{0}；{1}',
  'diag.too-many-errors': '错误太多（{0} 个）；文件其余部分没有检查',
};
