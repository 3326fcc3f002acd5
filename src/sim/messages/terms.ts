/**
 * The simulator's fixed descriptions in Chinese: type descriptions of runtime objects, register roles,
 * glossed cell paths, the call table's labels and the ABI check's details. The simulator stores these as
 * English text (only names are message ids so far), so the page translates them when it shows them:
 * exact descriptions from a table, the ABI check's sentences by their few shapes. Text that is none of
 * these (an identifier, a C++ type) is shown as it is. terms.test.ts checks that every description the
 * lesson programs produce has its Chinese.
 */
import type { Locale } from './format.ts';

/** Whole descriptions. */
const EXACT: Record<string, string> = {
  // Type descriptions (src/sim/machine/layout.ts, machine.ts, heap.ts; src/sim/run/runtime.ts).
  'struct rtld_global (dynamic loader state)': 'struct rtld_global（动态加载器的状态）',
  'pthread_mutex_t (the dynamic loader’s lock)': 'pthread_mutex_t（动态加载器的锁）',
  'struct pthread (its first 256 bytes)': 'struct pthread（前 256 字节）',
  'int (libc)': 'int（libc）',
  'struct xid_command * (libc)': 'struct xid_command *（libc）',
  'code pointer': '代码指针',
  'stack frame': '栈帧',
  'glibc chunk header': 'glibc 内存块头',
  'no object': '无对象',
  'frame link': '帧链接',
  'callee-saved register': '被调用方保存的寄存器',
  // Call table labels (src/sim/run/routes.ts).
  result: '结果',
  'return value': '返回值',
  'hidden result pointer': '隐藏的结果指针',
  // Register roles (src/sim/machine/registers.ts).
  'integer/pointer return value; sret functions return the hidden pointer here':
    '整数/指针返回值；sret 函数在这里返回隐藏指针',
  'callee-saved': '被调用方保存',
  '4th integer argument': '第 4 个整数参数',
  '3rd integer argument; 2nd integer return eightbyte': '第 3 个整数参数；返回值的第 2 个整数 8 字节块',
  '2nd integer argument': '第 2 个整数参数',
  '1st integer argument; the hidden result pointer of an sret call':
    '第 1 个整数参数；sret 调用的隐藏结果指针',
  'frame pointer (callee-saved)': '帧指针（被调用方保存）',
  'stack pointer': '栈指针',
  '5th integer argument': '第 5 个整数参数',
  '6th integer argument': '第 6 个整数参数',
  scratch: '临时寄存器',
  '1st float argument; float return value': '第 1 个浮点参数；浮点返回值',
  '2nd float argument; 2nd float return eightbyte': '第 2 个浮点参数；返回值的第 2 个浮点 8 字节块',
  'x87 stack top: long double return': 'x87 栈顶：long double 返回值',
  'x87 stack': 'x87 栈',
  'how many x87 stack slots are in use': '正在使用的 x87 栈槽数',
  '1st argument; integer/pointer return value': '第 1 个参数；整数/指针返回值',
  '2nd argument; 2nd return register': '第 2 个参数；第 2 个返回寄存器',
  'indirect result location: the address of a result returned in memory':
    '间接结果位置：经内存返回的结果的地址',
  'intra-procedure scratch / platform': '过程内临时寄存器 / 平台保留',
  'frame pointer': '帧指针',
  'link register: the return address': '链接寄存器：返回地址',
  '1st float argument; float return value (d0/s0)': '第 1 个浮点参数；浮点返回值（d0/s0）',
};

/**
 * Cell paths that are words rather than a program's identifiers (a field named `result` in a learner's
 * struct stays `result`, so paths have their own table).
 */
const PATHS: Record<string, string> = {
  'header.tcb (points to itself)': 'header.tcb（指向自身）',
  saved: '已保存',
  'saved rbp': '保存的 rbp',
  'saved rbx': '保存的 rbx',
};

/** A cell's path in `locale`. */
export function formatPath(path: string, locale: Locale): string {
  return locale === 'en' ? path : (PATHS[path] ?? path);
}

/** Descriptions with a part that varies: [English shape, Chinese]. `$1`... are the parts. */
const SHAPES: [RegExp, string][] = [
  [
    /^_IO_lock_t \(a recursive lock: lock, cnt, owner\), (stderr|stdout|stdin)’s$/,
    '_IO_lock_t（$1 的递归锁：lock、cnt、owner）',
  ],
  [/^float argument (\d+)$/, '第 $1 个浮点参数'],
  [/^float argument\/return (\d+) \((d\d+\/s\d+)\)$/, '第 $1 个浮点参数/返回值（$2）'],
  [/^argument (\d+)$/, '第 $1 个参数'],
  [/^unused stack$/, '未使用的栈'],
];

/** Placements in the ABI check's sentences: "memory at [rdi]", "stack +8", registers. */
function placement(text: string): string {
  return text.replace(/memory at \[([^\]]+)\]/g, '[$1] 处的内存').replace(/stack \+(\d+)/g, '栈 +$1');
}

/** One detail of the ABI check (src/sim/run/routes.ts, `details`). */
const DETAILS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^argument (\d+): the caller passes nothing$/, (m) => `第 ${m[1]} 个参数：调用方什么也没传`],
  [/^argument (\d+): the callee takes no such argument$/, (m) => `第 ${m[1]} 个参数：被调用方没有这个参数`],
  [
    /^argument (\d+): caller puts it in (.+), callee reads (.+)$/,
    (m) => `第 ${m[1]} 个参数：调用方放在 ${placement(m[2] ?? '')}，被调用方从 ${placement(m[3] ?? '')} 读取`,
  ],
  [
    /^argument (\d+): caller passes (.+), callee reads (.+)$/,
    (m) => `第 ${m[1]} 个参数：调用方传的是 ${m[2]}，被调用方读的是 ${m[3]}`,
  ],
  [
    /^result: caller reads (.+), callee returns nothing$/,
    (m) => `结果：调用方从 ${placement(m[1] ?? '')} 读取，被调用方什么也不返回`,
  ],
  [
    /^result: callee writes it to memory at \[([^\]]+)\] \(hidden pointer\), caller reads (.+)$/,
    (m) => `结果：被调用方把它写到 [${m[1]}] 处的内存（隐藏指针），调用方却从 ${placement(m[2] ?? '')} 读取`,
  ],
  [
    /^result: callee returns it in (.+), caller reads (.+)$/,
    (m) => `结果：被调用方放在 ${placement(m[1] ?? '')} 返回，调用方从 ${placement(m[2] ?? '')} 读取`,
  ],
  [
    /^result: callee returns (.+), caller reads (.+)$/,
    (m) => `结果：被调用方返回 ${m[1]}，调用方读的是 ${m[2]}`,
  ],
];

function detail(text: string): string | null {
  for (const [shape, say] of DETAILS) {
    const m = text.match(shape);
    if (m !== null) return say(m);
  }
  return null;
}

/** A fixed description of the simulator's in `locale`; any other text unchanged. */
export function formatTerm(text: string, locale: Locale): string {
  if (locale === 'en' || text === '') return text;
  const exact = EXACT[text];
  if (exact !== undefined) return exact;
  for (const [shape, zh] of SHAPES) if (shape.test(text)) return text.replace(shape, zh);
  // The ABI check's details, joined by '; '.
  const parts = text.split('; ');
  const said = parts.map(detail);
  if (said.every((s) => s !== null)) return said.join('；');
  return text;
}

/** Whether `text` has its Chinese here (for the test that walks every lesson program). */
export function hasTerm(text: string): boolean {
  return formatTerm(text, 'zh') !== text;
}
