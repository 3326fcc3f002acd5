/** English diagnostic texts of src/sim/cpp/sema/string-ops.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.string-ops.between-and': "'{0}' between '{1}' and '{2}'",
  'cpp.sema.string-ops.of-a-to-a-std-string': "'+=' of a '{0}' to a std::string",
};
