/** English diagnostic texts of src/sim/cpp/sema/stmt.ts, exactly as it wrote them. */
export const en: Record<string, string> = {
  'cpp.sema.stmt.two-parameters-are-named': "two parameters are named '{0}'",
  'cpp.sema.stmt.the-parameter-has-the-incomplete-type': "the parameter '{0}' has the incomplete type '{1}'",
  'cpp.sema.stmt.returns-the-incomplete-type': "'{0}' returns the incomplete type '{1}'",
  'cpp.sema.stmt.only-constructors-can-have-member-initializers':
    'only constructors can have member initializers',
  'cpp.sema.stmt.control-reaches-the-end-of-non':
    "control reaches the end of non-void function '{0}' without a return (the caller then reads garbage)",
  'cpp.sema.stmt.is-initialised-twice': "'{0}' is initialised twice",
  'cpp.sema.stmt.has-no-member-or-base-named': "'{0}' has no member or base named '{1}'",
  'cpp.sema.stmt.is-initialised-after-the-members-declared':
    "'{0}' is initialised after the members declared before it: members are initialised in declaration order, not in the order written here",
  'cpp.sema.stmt.the-reference-member-must-be-initialised':
    "the reference member '{0}' must be initialised in the constructor's initializer list",
  'cpp.sema.stmt.the-statements-are-nested-too-deeply':
    'the statements are nested too deeply for the simulator',
  'cpp.sema.stmt.can-only-appear-inside-a-loop': "'{0}' can only appear inside a loop",
  'cpp.sema.stmt.this-statement-computes-a-value-and':
    'this statement computes a value and throws it away (it has no effect)',
  'cpp.sema.stmt.is-already-declared-in-this-scope': "'{0}' is already declared in this scope{1}",
  'cpp.sema.stmt.an-extern-declaration-inside-a-function': 'an extern declaration inside a function',
  'cpp.sema.stmt.cannot-be-used-on-a-local': "'{0}' cannot be used on a local variable",
  'cpp.sema.stmt.a-local-variable-cannot-have-a': 'a local variable cannot have a qualified name',
  'cpp.sema.stmt.declares-a-function-not-a-variable':
    "'{0}()' declares a function, not a variable (the \"most vexing parse\"); write '{0}{}' or '{0}' to create an object",
  'cpp.sema.stmt.declaring-a-function-inside-another-function':
    'declaring a function inside another function',
  'cpp.sema.stmt.the-variable-has-the-incomplete-type': "the variable '{0}' has the incomplete type '{1}'{2}",
  'cpp.sema.stmt.the-const-variable-must-be-initialised': "the const variable '{0}' must be initialised",
  'cpp.sema.stmt.the-size-of-the-array-is':
    "the size of the array '{0}' is unknown (give a size or an initializer)",
  'cpp.sema.stmt.a-range-for-needs-an-array':
    "a range-for needs an array or a container like std::array, not '{0}'",
  'cpp.sema.stmt.a-range-for-declares-exactly-one': 'a range-for declares exactly one variable',
  'cpp.sema.stmt.must-return-a-value-return-returns':
    "'{0}' must return a '{1}' value ('return;' returns nothing)",
  'cpp.sema.stmt.returns-void-so-it-cannot-return': "'{0}' returns void, so it cannot return a value",
  'cpp.sema.stmt.returns-void-so-it-cannot-return-2': "'{0}' returns void, so it cannot return a '{1}'",
  'cpp.sema.stmt.a-constructor-or-destructor-cannot-return':
    'a constructor or destructor cannot return a value',
  'cpp.sema.stmt.this-returns-a-reference-to-a':
    'this returns a reference to a temporary, which dies at the end of the return statement; g++ returns a null reference instead (the caller gets address 0)',
  'cpp.sema.stmt.this-returns-the-address-of-the':
    "this returns the address of the local variable '{0}', which dies when '{1}' returns; g++ returns a null pointer instead (the caller gets 0)",
  'cpp.sema.stmt.this-returns-the-address-of-the-2':
    "this returns the address of the local variable '{0}', which dies when '{1}' returns (the caller gets a dangling pointer)",
};
