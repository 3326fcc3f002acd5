/** 简体中文：src/sim/cpp/sema/string-ops.ts 的诊断文本。 */
export const zh: Record<string, string> = {
  'cpp.sema.string-ops.between-and': "'{1}' 和 '{2}' 之间的 '{0}'",
  'cpp.sema.string-ops.of-a-to-a-std-string': "把 '{0}' 用 '+=' 加到 std::string 上",
};
