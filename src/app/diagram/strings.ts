/**
 * The diagram's own words (area names, states, legend, tour, call view), in English and
 * Simplified Chinese. The area names in English are the accessible names the player issue and the
 * tests rely on: "Stack", "C heap", "GC heap", "Static storage", "Registers".
 */
import type { AreaKind, CallRole, LifeState, PointerStatus } from '../../sim/view/index.ts';
import type { FocusMark } from './focus.ts';

export type Locale = 'en' | 'zh';

interface Strings {
  area: Record<AreaKind, string>;
  areaHint: Record<AreaKind, string>;
  empty: string;
  state: Record<LifeState, string>;
  stateLong: Record<LifeState, string>;
  pointer: Record<PointerStatus, string>;
  frame: (fn: string, side: string) => string;
  frameDead: string;
  side: Record<'cpp' | 'codon' | 'runtime', string>;
  boundary: (from: string, to: string, fn: string) => string;
  sp: (reg: string, addr: string) => string;
  gap: (bytes: string) => string;
  more: (bytes: string) => string;
  unowned: string;
  view: string;
  reusedBy: (name: string) => string;
  was: (v: string) => string;
  /** A cell's tooltip: its path and value, its kind, size, address and raw bytes. */
  cellTitle: (path: string, value: string, kind: string, size: number, addr: string, hex: string) => string;
  cellKind: Record<'int' | 'uint' | 'bool' | 'float' | 'pointer' | 'padding' | 'vptr' | 'opaque', string>;
  written: string;
  read: string;
  gcMarked: string;
  gcUnmarked: string;
  gcSwept: string;
  gcScanned: string;
  gcRoot: string;
  untyped: string;
  gcNotScanned: string;
  atomic: string;
  born: string;
  finding: string;
  crash: string;
  crashAt: (addr: string, fn: string, file: string, line: number) => string;
  callTitle: (symbol: string) => string;
  callerBelieves: string;
  calleeDoes: string;
  register: string;
  valueNow: string;
  phase: Record<'call' | 'callee' | 'return', string>;
  callRole: Record<CallRole, (label: string, type: string) => string>;
  calleeRole: Record<CallRole, (label: string, type: string) => string>;
  callerNever: string;
  hiddenWrite: (written: number, size: number, reg: string, addr: string, victims: string) => string;
  mismatch: string;
  agree: string;
  ribbon: string;
  ribbonNow: string;
  legend: string;
  legendItems: { key: string; text: string }[];
  /** The focus view's marks in words: the handout's key to the pictures it prints. */
  focusKey: Record<FocusMark, string>;
  tour: { title: string; text: string }[];
  tourNext: string;
  tourSkip: string;
  tourDone: string;
  tourReplay: string;
  showHex: string;
  hideHex: string;
  textView: string;
  pictureView: string;
  exportSvg: string;
  exportPng: string;
  diagramLabel: (step: number, total: number) => string;
  stepLabel: (step: number) => string;
  tableArea: string;
  tableObject: string;
  tableType: string;
  tableAddress: string;
  tableState: string;
  tableValues: string;
  tableLifetime: string;
  lifetime: (born: number, died: number) => string;
  pointsTo: (target: string) => string;
  noCall: string;
  compareLeft: string;
  compareRight: string;
  differs: string;
  sameStep: (a: number, b: number) => string;
  toolbar: string;
}

const en: Strings = {
  area: {
    stack: 'Stack',
    static: 'Static storage',
    'c-heap': 'C heap',
    'gc-heap': 'GC heap',
    registers: 'Registers',
  },
  areaHint: {
    stack: 'grows down: high addresses on top',
    static: 'lives for the whole run',
    'c-heap': 'malloc/new, until free/delete',
    'gc-heap': 'Codon objects, freed by the collector',
    registers: 'values now',
  },
  empty: 'nothing here yet',
  state: { alive: 'alive', 'out-of-scope': 'dead', freed: 'freed', collected: 'collected' },
  stateLong: {
    alive: 'alive',
    'out-of-scope': 'dead: its scope ended; the bytes stay until reused',
    freed: 'freed: returned to malloc; the bytes stay until reused',
    collected: 'collected by the GC; the bytes stay until reused',
  },
  pointer: {
    valid: 'points to a live object',
    'out-of-scope': 'dangling: the object it points to is dead (its scope ended); only stale bytes are left',
    freed: 'dangling: the block it points to was freed',
    collected: 'dangling: the object it points to was collected by the GC',
    unowned: 'points to memory no object owns',
    unmapped: 'points to no memory at all: using it faults',
    code: 'points into code',
  },
  frame: (fn, side) => `${fn}() · ${side} frame`,
  frameDead: 'returned',
  side: { cpp: 'C++', codon: 'Codon', runtime: 'runtime' },
  boundary: (from, to, fn) => `call boundary: ${from} → ${to} (${fn})`,
  sp: (reg, addr) => `%${reg} = ${addr} · below: unused`,
  gap: (bytes) => `⋯ ${bytes} not shown ⋯`,
  more: (bytes) => `… ${bytes} more`,
  unowned: 'no object',
  view: 'callee’s view',
  reusedBy: (name) => `bytes reused by ${name}`,
  was: (v) => `was ${v}`,
  cellTitle: (path, value, kind, size, addr, hex) =>
    `${path === '' ? '' : `${path} = `}${value} (${kind}, ${size} bytes at ${addr}; bytes ${hex})`,
  cellKind: {
    int: 'int',
    uint: 'uint',
    bool: 'bool',
    float: 'float',
    pointer: 'pointer',
    padding: 'padding',
    vptr: 'vptr',
    opaque: 'opaque',
  },
  written: 'written now',
  read: 'read now',
  gcMarked: 'marked: reachable',
  gcUnmarked: 'not marked (yet)',
  gcSwept: 'swept: unreachable',
  gcScanned: 'scanned by the collector',
  gcRoot: 'a root: the collector starts marking here',
  untyped: 'read from raw bytes that hold this address (no type says it is a pointer)',
  gcNotScanned: 'not scanned by the collector',
  atomic: 'atomic (not scanned)',
  born: 'new',
  finding: 'finding',
  crash: 'Crash',
  crashAt: (_addr, fn, file, line) => `(${fn}, ${file} line ${line})`,
  callTitle: (symbol) => `The call to ${symbol}, register by register`,
  callerBelieves: 'Caller (Codon) believes',
  calleeDoes: 'Callee (C++) does',
  register: 'Register',
  valueNow: 'Value now',
  phase: {
    call: 'the caller places its arguments and calls',
    callee: 'the callee runs',
    return: 'back in the caller: it reads the result where it believes it is',
  },
  callRole: {
    none: () => '— (not used)',
    arg: (label, type) => `puts ${label} here: ${type}`,
    result: (label, type) => `reads the ${label} here: ${type}`,
    'hidden-pointer': (_label, type) => `hidden result pointer: writes the ${type} to memory here`,
    'hidden-return': () => 'returns the hidden pointer here',
  },
  calleeRole: {
    none: () => '— (not used)',
    arg: (label, type) => `reads parameter ${label}: ${type}`,
    result: (label, type) => `returns the ${label} here: ${type}`,
    'hidden-pointer': (_label, type) => `hidden result pointer: writes the ${type} to memory here`,
    'hidden-return': () => 'returns the hidden pointer here',
  },
  callerNever: 'never reads it',
  hiddenWrite: (written, size, reg, addr, victims) =>
    `${written} of ${size} bytes written to ${addr}, where %${reg} pointed${victims === '' ? '' : `: on ${victims}`}`,
  mismatch: 'the two sides disagree',
  agree: 'the two sides agree',
  ribbon: 'Lifetimes',
  ribbonNow: 'now',
  legend: 'Legend',
  focusKey: {
    'finding-note':
      'a shaded note with a bar under the caption: a finding of the simulator, new at this step',
    mismatch:
      'a call-table row with ≠ and a red bar at its left: a register the caller and the callee use differently',
    'reads-now': 'underlined in the call table: where the caller reads its result now',
    'hidden-write':
      'the red line under the call table: how many bytes the callee has written where the hidden result pointer points, and on what',
    'finding-object': 'an object in a red frame: a finding is about it (a stray write landed in it)',
    written: 'a row with a yellow band and “← written now”: this step writes it',
    read: 'a row with a blue band and “← read now”: this step reads it',
    was: '“was …” after a value: what the cell held before this step changed it',
    'register-written': 'a register in a yellow box: this step wrote it',
    crash: 'the red box at the top: the run crashes here, with the signal and where',
  },
  legendItems: [
    { key: 'alive', text: 'alive object' },
    { key: 'out-of-scope', text: 'dead: scope ended (grey, diagonal hatching)' },
    { key: 'freed', text: 'freed by free/delete (amber, cross-hatching)' },
    { key: 'collected', text: 'collected by the GC (purple, dots)' },
    { key: 'view', text: 'a callee’s name for memory it was handed (dashed)' },
    { key: 'written', text: 'bytes written at this step' },
    { key: 'arrow-valid', text: 'pointer to a live object' },
    { key: 'arrow-dangling', text: 'dangling pointer (dashed, red head)' },
    { key: 'arrow-untyped', text: 'an address held in untyped bytes (dotted)' },
    { key: 'mismatch', text: 'caller and callee disagree' },
    { key: 'read', text: 'the caller reads its result here now' },
    { key: 'gc-marked', text: 'marked by the collector: reachable (green)' },
    { key: 'arrow-root', text: 'a root the collector starts from (thick green)' },
  ],
  tour: [
    {
      title: 'The machine',
      text: 'Each box is an object in memory: its name, type, address range and the value of every cell. The areas are the stack, static storage, the C heap, the GC heap and the registers.',
    },
    {
      title: 'Lifetimes',
      text: 'A dead object stays on screen, greyed and hatched, with its stale bytes, until something reuses them. The ribbon below shows when each object was alive.',
    },
    {
      title: 'Pointers',
      text: 'Arrows go from each pointer to what it reaches. A dashed arrow with a red head is dangling: focus or hover it to read why.',
    },
    {
      title: 'The call',
      text: 'During a call from Codon into C++, the table compares what the caller believes with what the callee does, register by register. Rows that disagree are marked.',
    },
  ],
  tourNext: 'Next',
  tourSkip: 'Skip tour',
  tourDone: 'Done',
  tourReplay: 'Tour',
  showHex: 'Show raw bytes',
  hideHex: 'Hide raw bytes',
  textView: 'Text view',
  pictureView: 'Picture view',
  exportSvg: 'Export SVG',
  exportPng: 'Export PNG',
  diagramLabel: (step, total) => `Machine diagram, step ${step + 1} of ${total}`,
  stepLabel: (step) => `Step ${step + 1}`,
  tableArea: 'Area',
  tableObject: 'Object',
  tableType: 'Type',
  tableAddress: 'Address',
  tableState: 'State',
  tableValues: 'Values',
  tableLifetime: 'Lifetime (steps)',
  lifetime: (born, died) => (died < 0 ? `${born + 1}–end` : `${born + 1}–${died + 1}`),
  pointsTo: (target) => `→ ${target}`,
  noCall: 'No foreign call at this step.',
  compareLeft: 'Left',
  compareRight: 'Right',
  differs: 'differs from the other run',
  sameStep: (a, b) => `aligned at the call boundary: step ${a + 1} ↔ step ${b + 1}`,
  toolbar: 'Diagram tools',
};

const zh: Strings = {
  ...en,
  area: { stack: '栈', static: '静态存储区', 'c-heap': 'C 堆', 'gc-heap': 'GC 堆', registers: '寄存器' },
  areaHint: {
    stack: '向下增长：高地址在上',
    static: '整个运行期间都存在',
    'c-heap': 'malloc/new，直到 free/delete',
    'gc-heap': 'Codon 对象，由回收器释放',
    registers: '当前值',
  },
  empty: '目前为空',
  state: { alive: '存活', 'out-of-scope': '已死亡', freed: '已释放', collected: '已回收' },
  stateLong: {
    alive: '存活',
    'out-of-scope': '已死亡：作用域结束；字节保留到被复用为止',
    freed: '已释放：还给了 malloc；字节保留到被复用为止',
    collected: '已被 GC 回收；字节保留到被复用为止',
  },
  pointer: {
    valid: '指向一个存活的对象',
    'out-of-scope': '悬空：它指向的对象已死亡（作用域结束），只剩旧字节',
    freed: '悬空：它指向的块已被释放',
    collected: '悬空：它指向的对象已被 GC 回收',
    unowned: '指向没有任何对象拥有的内存',
    unmapped: '指向不存在的内存：使用它会出错',
    code: '指向代码',
  },
  frame: (fn, side) => `${fn}() · ${side} 栈帧`,
  frameDead: '已返回',
  side: { cpp: 'C++', codon: 'Codon', runtime: '运行时' },
  boundary: (from, to, fn) => `调用边界：${from} → ${to}（${fn}）`,
  sp: (reg, addr) => `%${reg} = ${addr} · 以下未使用`,
  gap: (bytes) => `⋯ 省略 ${bytes} ⋯`,
  more: (bytes) => `… 还有 ${bytes}`,
  unowned: '无对象',
  view: '被调用方的视角',
  reusedBy: (name) => `字节已被 ${name} 复用`,
  was: (v) => `原为 ${v}`,
  cellTitle: (path, value, kind, size, addr, hex) =>
    `${path === '' ? '' : `${path} = `}${value}（${kind}，${size} 字节，位于 ${addr}；字节 ${hex}）`,
  cellKind: {
    int: '整数',
    uint: '无符号整数',
    bool: '布尔值',
    float: '浮点数',
    pointer: '指针',
    padding: '填充',
    vptr: '虚表指针',
    opaque: '不透明字节',
  },
  written: '本步写入',
  read: '本步读取',
  gcMarked: '已标记：可达',
  gcUnmarked: '（尚）未标记',
  gcSwept: '已清除：不可达',
  gcScanned: '回收器会扫描这里寻找指针',
  gcRoot: '根：回收器从这里开始标记',
  untyped: '来自恰好存着这个地址的原始字节（没有类型说明它是指针）',
  gcNotScanned: '回收器不扫描这里',
  atomic: '原子对象（不扫描）',
  born: '新建',
  finding: '发现',
  crash: '崩溃',
  crashAt: (_addr, fn, file, line) => `（${fn}，${file} 第 ${line} 行）`,
  callTitle: (symbol) => `对 ${symbol} 的调用，逐个寄存器`,
  callerBelieves: '调用方（Codon）以为',
  calleeDoes: '被调用方（C++）实际',
  register: '寄存器',
  valueNow: '当前值',
  phase: {
    call: '调用方放好参数并发起调用',
    callee: '被调用方正在运行',
    return: '回到调用方：它在自以为的位置读取返回值',
  },
  callRole: {
    none: () => '—（不使用）',
    arg: (label, type) => `把 ${label} 放在这里：${type}`,
    result: (label, type) => `在这里读取 ${label}：${type}`,
    'hidden-pointer': (_label, type) => `隐藏的返回值指针：把 ${type} 写到它指向的内存`,
    'hidden-return': () => '在这里返回隐藏指针',
  },
  calleeRole: {
    none: () => '—（不使用）',
    arg: (label, type) => `读取参数 ${label}：${type}`,
    result: (label, type) => `在这里返回 ${label}：${type}`,
    'hidden-pointer': (_label, type) => `隐藏的返回值指针：把 ${type} 写到它指向的内存`,
    'hidden-return': () => '在这里返回隐藏指针',
  },
  callerNever: '从不读取',
  hiddenWrite: (written, size, reg, addr, victims) =>
    `已向 ${addr}（%${reg} 所指之处）写入 ${size} 字节中的 ${written} 字节${victims === '' ? '' : `：压在 ${victims} 上`}`,
  mismatch: '双方不一致',
  agree: '双方一致',
  ribbon: '生命周期',
  ribbonNow: '当前',
  legend: '图例',
  focusKey: {
    'finding-note': '图题下带竖条的底色说明：模拟器在这一步新发现的问题',
    mismatch: '调用表中带 ≠、左侧有红条的一行：调用方与被调用方对这个寄存器的用法不同',
    'reads-now': '调用表中带下划线的一格：调用方此刻从这里读取结果',
    'hidden-write': '调用表下方的红字：被调用方已经往隐藏返回值指针所指之处写了多少字节、压在了什么上',
    'finding-object': '红框中的对象：有一条发现与它有关（野写落在了它身上）',
    written: '带黄色底纹和“← 刚写入”的一行：这一步写了它',
    read: '带蓝色底纹和“← 刚读取”的一行：这一步读了它',
    was: '值后面的“原为 …”：这一步改写之前这一格的内容',
    'register-written': '黄框中的寄存器：这一步写了它',
    crash: '顶部的红框：程序在这里崩溃，并给出信号和位置',
  },
  legendItems: [
    { key: 'alive', text: '存活的对象' },
    { key: 'out-of-scope', text: '已死亡：作用域结束（灰色、斜线）' },
    { key: 'freed', text: '已被 free/delete 释放（琥珀色、交叉线）' },
    { key: 'collected', text: '已被 GC 回收（紫色、圆点）' },
    { key: 'view', text: '被调用方对传入内存的称呼（虚线）' },
    { key: 'written', text: '本步写入的字节' },
    { key: 'arrow-valid', text: '指向存活对象的指针' },
    { key: 'arrow-dangling', text: '悬空指针（虚线、红色箭头）' },
    { key: 'arrow-untyped', text: '存在无类型字节里的地址（点线）' },
    { key: 'mismatch', text: '调用方与被调用方不一致' },
    { key: 'read', text: '调用方此刻在这里读取返回值' },
    { key: 'gc-marked', text: '被回收器标记：可达（绿色）' },
    { key: 'arrow-root', text: '回收器的根（粗绿线）' },
  ],
  tour: [
    {
      title: '机器',
      text: '每个方框是内存中的一个对象：名字、类型、地址范围和每个单元的值。各区域是栈、静态存储区、C 堆、GC 堆和寄存器。',
    },
    {
      title: '生命周期',
      text: '死亡的对象仍然显示（灰色、带斜线），保留旧字节，直到被复用。下方的时间带显示每个对象何时存活。',
    },
    {
      title: '指针',
      text: '箭头从每个指针指向它所指的内容。带红色箭头的虚线是悬空指针：聚焦或悬停可查看原因。',
    },
    {
      title: '调用',
      text: '从 Codon 调用 C++ 时，表格逐个寄存器比较调用方的以为和被调用方的实际做法。不一致的行会被标出。',
    },
  ],
  tourNext: '下一步',
  tourSkip: '跳过导览',
  tourDone: '完成',
  tourReplay: '导览',
  showHex: '显示原始字节',
  hideHex: '隐藏原始字节',
  textView: '文字视图',
  pictureView: '图形视图',
  exportSvg: '导出 SVG',
  exportPng: '导出 PNG',
  diagramLabel: (step, total) => `机器示意图，第 ${step + 1} 步，共 ${total} 步`,
  stepLabel: (step) => `第 ${step + 1} 步`,
  tableArea: '区域',
  tableObject: '对象',
  tableType: '类型',
  tableAddress: '地址',
  tableState: '状态',
  tableValues: '值',
  tableLifetime: '生命周期（步）',
  lifetime: (born, died) => (died < 0 ? `${born + 1}–结束` : `${born + 1}–${died + 1}`),
  noCall: '这一步没有跨语言调用。',
  compareLeft: '左',
  compareRight: '右',
  differs: '与另一次运行不同',
  sameStep: (a, b) => `在调用边界对齐：第 ${a + 1} 步 ↔ 第 ${b + 1} 步`,
  toolbar: '示意图工具',
};

const tables: Record<Locale, Strings> = { en, zh };

/** The diagram's strings in a locale (English by default). */
export function strings(locale: Locale): Strings {
  return tables[locale] ?? en;
}
