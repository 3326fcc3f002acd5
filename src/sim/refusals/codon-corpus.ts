/**
 * Codon programs a learner writes that the simulator refuses, each valid Codon 0.19 (checked
 * against exaloop/codon v0.19.6: the stdlib defines `math`, `CError`,
 * `Array`, `Function.__raw__`, `@export`/`@llvm`, `Ptr.__prefetch_w3__` and `Ptr.__new__(other:
 * Ptr)`; typecheck/special.cpp `transformPtr` takes tuple fields), so each must be refused as not
 * modelled, alone, where it is written. The last entries are edits of the lesson programs.
 */
import type { Refusal } from './refusal';

export const CODON_REFUSALS: readonly Refusal[] = [
  {
    name: 'from math import',
    source: `from math import sqrt
print(sqrt(2.0))
`,
    at: '1:1',
    what: 'importing from a module other than `C`',
    instead: 'only C functions can be imported: `from C import LIB.foo(Ptr[float]) -> None`',
  },
  {
    name: 'import math',
    source: `import math
print(math.sqrt(2.0))
`,
    at: '1:1',
    what: '`import` of a module',
    instead: 'only C functions can be imported: `from C import LIB.foo(Ptr[float]) -> None`',
  },
  {
    name: 'from python',
    source: `from python import numpy as np
print(np.zeros(3))
`,
    at: '1:1',
    what: 'importing from Python (`from python import ...`)',
    instead: 'only C functions can be imported: `from C import LIB.foo(Ptr[float]) -> None`',
  },
  {
    name: 'lambda',
    source: `f = lambda x: x + 1
print(f(2))
`,
    at: '1:5',
    what: '`lambda`',
    instead: 'define a function with `def` instead',
  },
  {
    name: 'dict comprehension',
    source: `d = {k: k * k for k in range(3)}
print(d)
`,
    at: '1:5',
    what: 'a dict comprehension `{k: v for ...}`',
    instead: 'build the dict with a `for` loop and `d[k] = v`',
  },
  {
    name: 'set comprehension',
    source: `s = {x % 3 for x in range(9)}
print(len(s))
`,
    at: '1:5',
    what: 'a set comprehension `{x for ...}`',
    instead: 'build the set with a `for` loop and `s.add(x)`',
  },
  {
    name: 'empty dict of unknown type',
    source: `print({})
`,
    at: '1:7',
    what: 'a dict or set whose item types are never known',
    instead: 'give them: `Dict[str, int]()`',
  },
  {
    name: 'dict get without a default',
    source: `d = {"a": 1}
print(d.get("b"))
`,
    at: '2:7',
    what: '`d.get(k)` without a default (it gives an Optional)',
    instead: 'give a default: `d.get(k, 0)`',
  },
  {
    name: 'float dict key',
    source: `d = {1.5: "x"}
print(d)
`,
    at: '1:6',
    what: 'a dict key of type float',
    instead: 'use `int` or `str` keys here',
  },
  {
    name: 'nested generic value',
    source: `d: Dict[str, List[int]] = {}
print(len(d))
`,
    at: '1:14',
    what: 'a dict value of type List[int]',
    instead: 'use `int`, `float`, `str` or `bool` values here',
  },
  {
    name: 'dict method not modelled',
    source: `d = {"a": 1}
d.pop("a")
`,
    at: '2:3',
    what: '`dict.pop`',
  },
  {
    name: 'enumerate with a start',
    source: `for i, x in enumerate([1.5, 2.5], 1):
    print(i, x)
`,
    at: '1:13',
    what: '`enumerate(xs, start)`',
    instead: 'add the start to the index yourself',
  },
  {
    name: 'bare except',
    source: `LIB = "./libfoo.so"
try:
    from C import LIB.twice(float) -> float
except:
    print("no twice")
`,
    at: '4:1',
    what: 'a bare `except:`',
    instead: 'write `except CError:` (the error a failed `from C import LIB.f` raises)',
  },
  {
    name: 'except of another class',
    source: `l = [1]
try:
    l.pop()
except IndexError:
    print("empty")
`,
    at: '4:1',
    what: '`except IndexError` (catching an exception other than CError)',
  },
  {
    name: 'tuple of exception classes',
    source: `try:
    x = 1
except (CError, ValueError):
    x = 2
`,
    at: '3:1',
    what: 'catching a tuple of exception classes',
  },
  {
    name: 'finally',
    source: `try:
    x = 1
finally:
    print("done")
`,
    at: '3:1',
    what: 'a `finally:` clause on `try`',
    instead: 'only `except CError:` clauses are modelled',
  },
  {
    name: 'exception field',
    source: `LIB = "./libfoo.so"
try:
    from C import LIB.nope() -> int
except CError as e:
    print(e.line)
`,
    at: '5:13',
    what: 'the field `line` of an exception',
    instead: 'read `e.message`, or `print(e)`',
  },
  {
    name: 'inheritance',
    source: `class Base:
    n: int
class Derived(Base):
    m: int
d = Derived(1, 2)
print(d.n + d.m)
`,
    at: '3:14',
    what: 'base classes and generic parameters of a class',
  },
  {
    name: 'class generics',
    source: `class Box[T]:
    item: T
b = Box[int](1)
print(b.item)
`,
    at: '1:10',
    what: 'base classes and generic parameters of a class',
  },
  {
    name: '__del__',
    source: `class Handle:
    fd: int
    def __del__(self):
        print("closing", self.fd)
h = Handle(3)
print(h.fd)
`,
    at: '3:9',
    what: '`__del__` (a finalizer the GC runs when it frees the object)',
    instead: 'free C resources with an explicit method, e.g. `def close(self):`',
  },
  {
    name: '__str__',
    source: `class P:
    x: float
    def __str__(self) -> str:
        return "P"
print(P(1.0))
`,
    at: '3:9',
    what: 'defining the magic method `__str__`',
    instead: 'write an ordinary method, e.g. `def show(self) -> str:`',
  },
  {
    name: 'static method',
    source: `class M:
    x: int
    @staticmethod
    def one() -> int:
        return 1
print(M.one())
`,
    at: '3:5',
    what: 'a decorator on a method',
    instead: 'write a plain method `def m(self, ...)`',
  },
  {
    name: 'method without self',
    source: `class M:
    x: int
    def one() -> int:
        return 1
print(M(2).x)
`,
    at: '3:9',
    what: 'a method without `self` (`one`, which Codon calls as `M.one(...)`)',
  },
  {
    name: 'fields deduced from __init__',
    source: `class Counter:
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n += 1
c = Counter()
c.bump()
print(c.n)
`,
    at: '1:7',
    what: 'a class whose fields Codon deduces from `__init__` (`self.n = ...`)',
    instead: 'declare each field with its type in the class body, e.g. `n: int`',
  },
  {
    name: '__init__ in a tuple class',
    source: `@tuple
class V:
    x: float
    def __init__(self, x: float):
        pass
print(V(1.0).x)
`,
    at: '4:9',
    what: '`__init__` in a `@tuple` class',
  },
  {
    name: 'generated __init__ beside its own',
    source: `class C:
    n: int
    def __init__(self):
        self.n = 0
c = C(5)
print(c.n)
`,
    at: '5:5',
    what: 'calling the `__init__` Codon generates for `C` beside its own',
  },
  {
    name: 'generated magic method',
    source: `class C:
    n: int
print(C(1).__dict__())
`,
    at: '3:12',
    what: '`C.__dict__()` (a method Codon generates)',
  },
  {
    name: 'chained',
    source: `a = b = 0
print(a, b)
`,
    at: '1:7',
    what: 'chained assignment (`a = b = v`)',
    instead: 'assign each variable on its own line',
  },
  {
    name: 'global',
    source: `n = 0
def bump():
    global n
    n += 1
bump()
print(n)
`,
    at: '3:5',
    what: '`global`',
    instead: 'pass values to functions as parameters and return results instead',
  },
  {
    name: 'nested def',
    source: `def outer() -> int:
    def inner() -> int:
        return 1
    return inner()
print(outer())
`,
    at: '2:9',
    what: 'a function defined inside a block or another function',
    instead: 'define it at the top level of the file',
  },
  {
    name: 'keyword arg',
    source: `def scale(x: float, k: float) -> float:
    return x * k
print(scale(2.0, k=3.0))
`,
    at: '3:18',
    what: 'a keyword argument in a call to scale()',
    instead: 'pass the arguments by position',
  },
  {
    name: 'default',
    source: `def scale(x: float, k: float = 2.0) -> float:
    return x * k
print(scale(2.0))
`,
    at: '1:30',
    what: 'a default parameter value',
  },
  {
    name: 'generic',
    source: `def ident(x):
    return x
print(ident(1))
`,
    at: '1:11',
    what: 'a parameter without a type (`x`, which makes `ident` generic)',
    instead: 'annotate it, e.g. `x: float`',
  },
  {
    name: 'isinstance',
    source: `print(isinstance(1, int))
`,
    at: '1:7',
    what: '`isinstance`',
  },
  {
    name: 'min',
    source: `print(min(1, 2))
`,
    at: '1:7',
    what: '`min`',
  },
  {
    name: 'Array',
    source: `a = Array[int](3)
a[0] = 1
print(a[0])
`,
    at: '1:5',
    what: '`Array[int](...)`',
  },
  {
    name: 'pop',
    source: `l = [1, 2, 3]
print(l.pop(0))
`,
    at: '2:9',
    what: '`list.pop`',
  },
  {
    name: 'slicing with a step',
    source: `l = [1, 2, 3]
print(l[::2])
`,
    at: '2:8',
    what: 'a slice with a step (`a[i:j:k]`)',
  },
  {
    name: 'in on a string',
    source: `s = "abc"
print("b" in s)
`,
    at: '2:7',
    what: '`in` other than an int or float in a List[int] or List[float]',
  },
  {
    name: 'bitwise',
    source: `print(6 & 3)
`,
    at: '1:9',
    what: 'the bitwise operator `&`',
  },
  {
    name: 'ternary of two types',
    source: `x = 1 if len([1]) > 0 else 2.5
print(x)
`,
    at: '1:5',
    what: 'a conditional expression whose branches have different types (int and float)',
    instead: 'convert one branch, e.g. `float(x)`',
  },
  {
    name: 'while else',
    source: `i = 0
while i < 3:
    i += 1
else:
    print(i)
`,
    at: '4:1',
    what: 'an `else` clause on a loop',
  },
  {
    name: 'bfloat16 annotated',
    source: `y: bfloat16 = bfloat16(1.0)
`,
    at: '1:4',
    what: 'the type `bfloat16`',
  },
  {
    name: 'ptr cast',
    source: `x = Ptr[float](1)
x[0] = 3.14
y = Ptr[int](x)
print(y[0])
`,
    at: '3:5',
    what: '`Ptr[int](p)` from a `Ptr[float]` (reading the same bytes as another type)',
    instead: 'convert the values instead, e.g. `int(x[0])`, or go through `Ptr[byte]`',
  },
  {
    name: 'prefetch',
    source: `p = Ptr[int](1)
p.__prefetch_w3__()
`,
    at: '2:3',
    what: '`Ptr.__prefetch_w3__()`',
  },
  {
    name: 'llvm',
    source: `@llvm
def add1(x: int) -> int:
    %0 = add i64 %x, 1
    ret i64 %0
print(add1(1))
`,
    at: '1:1',
    what: 'the decorator `@llvm`',
  },
  {
    name: 'raw of a str function',
    source: `def cb(s: str) -> int:
    return len(s)
p = cb.__raw__()
`,
    at: '3:5',
    what: '`cb.__raw__()` of a function that takes or returns `str`',
    instead: 'a callback the simulator follows takes and returns numbers, `bool`, `byte` or pointers.',
  },
  {
    name: 'raw of a C function',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
p = twice.__raw__()
`,
    at: '3:5',
    what: '`twice.__raw__(...)`',
  },
  {
    name: 'str repeat',
    source: `print("ab" * 2)
`,
    at: '1:7',
    what: 'the operator `*` on strings',
    instead: 'strings can be joined with `+`',
  },
  {
    name: 'sum',
    source: `print(sum([1, 2]))
`,
    at: '1:7',
    what: '`sum`',
  },
  {
    name: 'assert',
    source: `assert 1 == 1
`,
    at: '1:1',
    what: '`assert`',
  },
  {
    name: 'optional',
    source: `def f(x: Optional[int]) -> int:
    return 1
print(f(1))
`,
    at: '1:10',
    what: 'the type `Optional[int]`',
  },
  {
    name: 'C variable import',
    source: `from C import errno: int
print(errno)
`,
    at: '1:1',
    what: 'importing a C variable (`from C import name: T`)',
  },
  {
    name: 'shadowing a builtin',
    source: `def len(x: int) -> int:
    return x
print(len(3))
`,
    at: '1:5',
    what: "defining your own `len` (Codon's builtin of that name)",
    instead: 'give your definition another name',
  },
  {
    name: 'Python 2 print statement',
    source: `print 1
`,
    at: '1:1',
    what: 'the `print x` statement form',
    instead: 'call the function: `print(x)`',
  },
  {
    name: 'float16',
    source: `x = float16(1.0)
`,
    at: '1:5',
    what: '`float16`',
  },
  {
    name: 'match',
    source: `match 1:
    case 1:
        pass
`,
    at: '1:1',
    what: '`match`',
  },
  {
    name: 'del',
    source: `l = [1]
del l[0]
`,
    at: '2:1',
    what: '`del`',
  },
  {
    name: 'generator',
    source: `def g():
    yield 1
`,
    at: '2:5',
    what: '`yield`',
  },
  {
    name: 'walrus',
    source: `if (n := 3) > 2:
    print(n)
`,
    at: '1:7',
    what: 'the assignment expression `:=`',
  },
  {
    name: 'int of a string',
    source: `print(int("3"))
`,
    at: '1:7',
    what: 'converting a string with `int(...)`',
  },
  {
    name: 'bytes literal',
    source: `b = b"ab"
`,
    at: '1:5',
    what: "a bytes literal (b'...')",
  },
  {
    name: 'is',
    source: `x = [1]
print(x is x)
`,
    at: '2:7',
    what: 'the `is` operator',
  },
  {
    name: 'raise',
    source: `raise ValueError("x")
`,
    at: '1:1',
    what: '`raise`',
  },
  {
    name: 'star parameters',
    source: `def f(*args) -> int:
    return 1
`,
    at: '1:7',
    what: '`*` in a parameter list',
  },
  {
    name: 'print flush',
    source: `print(1, flush=True)
`,
    at: '1:10',
    what: '`print(..., flush=...)`',
  },
  {
    name: 'str.split',
    source: `s = "a,b"
print(s.split(","))
`,
    at: '2:9',
    what: '`str.split()`',
  },
  {
    name: 'list.sort',
    source: `l = [3, 1]
l.sort()
`,
    at: '2:3',
    what: '`list.sort`',
  },
  {
    name: 'generic tuple class',
    source: `@tuple
class P[T]:
    x: T
`,
    at: '2:8',
    what: 'base classes and generic parameters of a class',
  },
  {
    name: 'a C import with a refused type',
    source: `LIB = "./libfoo.so"
from C import LIB.twice(float) -> Optional[float]
x = twice(1.5)
print(x)
`,
    at: '2:35',
    what: 'the type `Optional[float]`',
  },
  {
    name: 'a variadic C import',
    source: `from C import printf(cobj, ...) -> int
printf(cobj(), 1)
`,
    at: '1:28',
    what: 'a variadic C function (`...`)',
  },
  {
    name: 'lesson out-list with list pop',
    source: `LIBPATH = "./libfoo.so"
from C import LIBPATH.twice(float) -> float

def run():
    out = [0.0] * 4
    out.pop(0)
    print(twice(out[0]))

run()
`,
    at: '6:9',
    what: '`list.pop`',
  },
];
