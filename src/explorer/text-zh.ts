/** 探索器的中文文字：写给中文读者，不逐字翻译英文。 */
import type { EightbyteClass } from '../sim/abi/index.ts';
import type { Carrier, Route } from './model.ts';
import type { NonTrivialCause, NonTrivialExplanation, NonTrivialStep, SpecialWhich } from './nontrivial.ts';
import type { ExplorerStrings } from './text.ts';

const NOUN: Record<SpecialWhich, string> = {
  copyCtor: '拷贝构造函数',
  moveCtor: '移动构造函数',
  dtor: '析构函数',
};

function step(s: NonTrivialStep, i: number): string {
  const lead = i === 0 ? '它的' : ' 的';
  if (s.via === 'base') return `${lead}基类 \`${s.name}\``;
  if (s.via === 'member') return `${lead}成员 \`${s.name}\``;
  return `${lead}匿名成员`;
}

/** The cause as a clause; `subject` replaces the class's name when the sentence has just named it. */
function cause(c: NonTrivialCause, subject = `\`${c.className}\` `): string {
  switch (c.kind) {
    case 'user-provided':
      return `${subject}有用户提供的${NOUN[c.which]}`;
    case 'virtual-functions':
      return `${subject}有虚函数`;
    case 'virtual-base':
      return `${subject}有虚基类`;
    case 'unexplained':
      return `原因在 \`${c.className}\` 内部`;
  }
}

function nonTrivialZh(x: NonTrivialExplanation): string {
  if (x.kind === 'all-deleted') return `\`${x.className}\` 没有可用的拷贝或移动构造函数（全都被删除了）。`;
  const head = `\`${x.className}\` 的${NOUN[x.which]}是非平凡的`;
  if (x.steps.length === 0)
    return `${head}：${x.cause.className === x.className ? cause(x.cause, '它') : cause(x.cause)}。`;
  const last = x.steps[x.steps.length - 1];
  const named = last !== undefined && last.className === x.cause.className;
  // A member's class is "its type"; a base the chain has just named is "it".
  const clause = !named
    ? cause(x.cause)
    : last.via === 'base'
      ? cause(x.cause, '它')
      : cause(x.cause, `它的类型 \`${x.cause.className}\` `);
  return `${head}：问题出在${x.steps.map(step).join('')} 上，${clause}。`;
}

/** A member path as code (`''` is the value itself). */
const member = (path: string): string => (path === '' ? '整个值' : `\`${path}\``);

/** Chinese next to Latin letters or digits gets a space; next to Chinese or full-width punctuation, none. */
const spaced = (text: string): string => (/^[\x21-\x7e]/.test(text) ? ` ${text}` : text);

const bytes = (from: number, to: number): string =>
  to - from <= 1 ? `第 ${from} 字节` : `第 ${from}–${to - 1} 字节`;

function partsList(r: Extract<Route, { parts: unknown }>): string {
  return r.parts.map((p) => `${bytes(p.offset, p.offset + p.size)}在 ${p.reg}`).join('，');
}

const RULE: Record<string, string> = {
  same: '类别相同，保持不变',
  'no-class': 'NO_CLASS 让位给另一个类别',
  memory: '只要有 MEMORY，结果就是 MEMORY',
  integer: '只要有 INTEGER，结果就是 INTEGER（它压过 SSE 和 x87 类别）',
  x87: 'x87 类别和其他类别相遇，结果是 MEMORY',
  sse: '其余情况，结果是 SSE',
};

/** 前端报错的常见句式译成中文；其余的保留英文原文并注明来源。 */
const CPP_PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^unknown type '(.+)'$/, (m) => `不认识的类型 '${m[1]}'`],
  [/^'(.+)' does not name a type$/, (m) => `'${m[1]}' 不是类型名`],
  [/^'(.+)' is not a type$/, (m) => `'${m[1]}' 不是类型`],
  [/^'(.+)' is not a template$/, (m) => `'${m[1]}' 不是模板`],
  [/^'(.+)' is not modelled by this simulator$/, (m) => `模拟器没有为 '${m[1]}' 建模`],
  [/^expected '>' to close the template arguments at the end of the type$/, () => `模板实参缺少收尾的 '>'`],
  [/^expected '>' to close the template arguments before '(.+)'$/, (m) => `'${m[1]}' 之前缺少收尾的 '>'`],
  [
    /^expected a name for the declaration at the end of the type$/,
    () => '类型写到这里还不完整，或者多了符号',
  ],
  [
    /^expected a name for the declaration before '(.+)'$/,
    (m) => `'${m[1]}' 之前应当已经是一个完整的类型，这里的写法不对`,
  ],
  [/^the template argument (.+) is out of range$/, (m) => `模板实参 ${m[1]} 超出了范围`],
  [/^'(.+)' and '(.+)' cannot be combined in one type$/, (m) => `'${m[1]}' 和 '${m[2]}' 不能组合成一个类型`],
];

const ABI_PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /^`(.+)` is only declared, not defined: an incomplete type has no layout\.$/,
    (m) => `\`${m[1]}\` 只有声明、没有定义：不完整的类型没有布局。`,
  ],
  [
    /^`(.+)` is an x86 SSE type \(from <xmmintrin\.h>\); it does not exist on AArch64\.$/,
    (m) => `\`${m[1]}\` 是 x86 的 SSE 类型（来自 <xmmintrin.h>），AArch64 上没有这种类型。`,
  ],
];

function translate(detail: string, patterns: [RegExp, (m: RegExpMatchArray) => string][], source: string) {
  for (const [re, f] of patterns) {
    const m = detail.match(re);
    if (m) return f(m);
  }
  return `${source}（英文原文）：${detail}`;
}

const list = (classes: readonly EightbyteClass[]): string => classes.join('、');

export const zh: ExplorerStrings = {
  title: 'ABI 探索器',
  intro:
    '输入一个返回类型，模拟器会按 g++ 在两种机器上的做法给它布局、分类：每个字节放在哪里，值又是怎样回到调用方手里的。',
  typeLabel: '返回类型',
  typeHint: '任意一个 C++ 函数可以返回的类型，例如 std::array<double, 4>，或者下面定义的 struct。',
  definitionsLabel: '定义（可选）',
  definitionsHint: '返回类型用到的 struct、class、enum 和别名，例如 struct Vec3 { double x, y, z; };',
  examples: '示例',
  exampleTitle: (type) => `查看 ${type}`,
  headline: (type, parts) => `${type} 怎样返回：${parts.join('；')}。`,
  headlinePart: (target, route) => `${target}上走${spaced(route)}`,
  working: '正在读取类型……',
  targetName: { x86_64: 'x86-64（System V）', aarch64: 'AArch64（AAPCS64）' },
  summaryCaption: (type) => `${type} 在两种机器上如何返回`,
  rowSize: '大小与对齐',
  rowTrivial: '对调用而言是否平凡',
  rowClasses: 'eightbyte 分类',
  rowHfa: '同质浮点聚合（HFA）',
  rowReturned: '返回方式',
  sameOnBoth: '两种机器相同',
  property: '项目',
  size: (size, align) => `${size} 字节，按 ${align} 字节对齐`,
  trivialYes: '是：调用方可以自行搬运它的字节',
  trivialNo: (reason) => `否：${reason}`,
  nonTrivial: nonTrivialZh,
  classesOnlyX86: '—（这是 x86-64 的概念）',
  hfaOnlyA64: '—（这是 AArch64 的规则）',
  classList: (classes) => (classes.length === 0 ? '无（不返回任何值）' : list(classes)),
  hfa: (v, route) => {
    const regs = route.kind === 'registers' ? route.parts.map((p) => p.reg).join('、') : '';
    switch (v.kind) {
      case 'hfa':
        return `是：${v.count} 个 ${v.base}，每个占一个寄存器（${regs}）`;
      case 'scalar-float':
        return '否：单个浮点数是标量，不是聚合类型';
      case 'not-aggregate':
        return '否：不是聚合类型';
      case 'non-trivial':
        return `${v.count} 个 ${v.base} 本可构成 HFA，但这个类对调用而言是非平凡的`;
      case 'non-float':
        return `否：${member(v.path)} 不是浮点成员`;
      case 'mixed':
        return `否：${member(v.path)} 是 ${v.other}，而它前面的成员是 ${v.first}`;
      case 'too-many':
        return `否：有 ${v.count} 个 ${v.base} 成员，超过了四个`;
      case 'padding':
        return '否：成员之间留有填充';
      case 'empty':
        return '否：没有浮点成员';
      case 'other':
        return '否';
    }
  },
  route: (r, size) => {
    switch (r.kind) {
      case 'void':
        return '不返回任何值。';
      case 'registers':
        return `走寄存器：${partsList(r)}。`;
      case 'x87':
        return `走 x87 寄存器栈：${partsList(r)}（80 位的值），后面的填充不返回。`;
      case 'memory':
        return r.addressBackIn
          ? `经由内存：调用方预留 ${size} 字节，把地址放在 ${r.addressIn} 里传入；被调用方把值写到那里，再用 ${r.addressBackIn} 返回同一个地址。`
          : `经由内存：调用方预留 ${size} 字节，把地址放在 ${r.addressIn} 里传入；被调用方把值写到那里。`;
    }
  },
  shortRoute: (r) => {
    switch (r.kind) {
      case 'void':
        return '无';
      case 'registers':
      case 'x87':
        return r.parts.map((p) => p.reg).join('、');
      case 'memory':
        return `内存（${r.addressIn}）`;
    }
  },
  notAvailable: (message) => `这台机器上不适用：${message}`,
  bytesHeading: '每个字节去了哪里',
  bytesCaption: (type) => `${type} 的各个字节：逐个成员列出，以及由谁把它们带回调用方`,
  colBytes: '字节',
  colMember: '成员及类型',
  colSize: '大小',
  bytes,
  byteCount: (n) => `${n} 字节`,
  bits: (bitOffset, bitWidth) => `第 ${bitOffset}–${bitOffset + bitWidth - 1} 位`,
  wholeValue: '（整个值）',
  padding: '填充',
  vptr: '虚表指针',
  carrier: (c: Carrier) =>
    c.kind === 'register'
      ? c.size >= c.partSize
        ? c.reg
        : `${c.reg} 的${bytes(c.regByte, c.regByte + c.size)}`
      : c.kind === 'memory'
        ? '内存'
        : '不返回',
  moreCells: (shown, total, size) =>
    `图和表只列出前 64 字节（${total} 个单元中的 ${shown} 个）；整个值长 ${size} 字节。`,
  mapLegend: '每一块是一个成员或一段填充（斜线）；块下方写着由谁把它带回去。',
  mapLabel: (target) => `${target} 上的字节图`,
  eightbytesHeading: 'x86-64 怎样逐个 eightbyte 分类',
  eightbytesCaption:
    '每个成员给它所在的 eightbyte 带来一个类别（float 和 double 是 SSE，整数和指针是 INTEGER，long double 是 X87）；同一个 eightbyte 里的类别先合并，再执行清理规则。',
  colEightbyte: 'eightbyte',
  colContributions: '成员及其类别',
  colMerged: '合并后',
  colFinal: '最终',
  eightbyteName: (index, from, to) => `#${index}（${bytes(from, to)}）`,
  onlyPadding: '只有填充：NO_CLASS',
  mergeStep: (before, withClass, result, rule) =>
    `${before} + ${withClass} → ${result}：${RULE[rule] ?? rule}`,
  cleanup: (reason, unaligned) => {
    switch (reason) {
      case 'non-trivial':
        return '对调用而言非平凡：C++ ABI（Itanium 3.1.2）规定它不论内容如何都经由内存返回，所以每个 eightbyte 都是 MEMORY。';
      case 'larger-than-64':
        return '超过 64 字节（8 个 eightbyte）：不看内容，直接是 MEMORY。';
      case 'unaligned':
        return `${unaligned.map(member).join('、')} 没有放在其类型要求的对齐位置上（紧凑布局的类）：整个值是 MEMORY。`;
      case 'more-than-two':
        return '超过两个 eightbyte，又不是单个向量（一个 SSE 后面全是 SSEUP）：整个值是 MEMORY。';
      case 'merged-memory':
        return '有一个 eightbyte 合并成了 MEMORY，所以整个值是 MEMORY。';
      case 'x87up-alone':
        return '有一个 X87UP 前面不是 X87：整个值是 MEMORY。';
      case 'sseup-to-sse':
        return '前面不是 SSE 或 SSEUP 的 SSEUP 改为 SSE。';
      case 'complex-x87':
        return '_Complex long double 是一个 COMPLEX_X87 值，从 st0 和 st1 返回。';
      case null:
        return '没有清理规则适用：合并结果就是最终分类。';
    }
  },
  tooManyContributions: (n) => `……还有 ${n} 个`,
  insightsHeading: '值得注意',
  insight: {
    disagree:
      '两种机器意见不一：一种用寄存器返回这个类型，另一种经由内存返回。程序在一种机器上能跑，并不说明它在另一种机器上也没问题。',
    smallButNonTrivial: (size) =>
      `只有 ${size} 字节，本来装得进寄存器，但它对调用而言是非平凡的：C++ ABI 规定它在两种机器上都经由内存返回，调用方事后还要负责运行它的析构函数。`,
    bigHfa: (size) =>
      `在 AArch64 上，HFA 即使有 ${size} 字节、超过了其他复合类型 16 字节的上限，也照样用浮点寄存器返回。`,
    codon:
      'Codon 不会传隐藏指针：在这个值经由内存返回的机器上，返回这种类型的函数不能原样用 `from C import` 导入（见第 4 课）。',
    reference: '引用按对象的地址返回，和指针一样：对象本身留在原处。',
  },
  problem: (p) => {
    switch (p.code) {
      case 'empty':
        return '请输入一个返回类型，例如 std::array<double, 4>。';
      case 'too-long':
        return `太长了：这里最多读取 ${p.detail} 个字符。`;
      case 'newline':
        return '返回类型只能写成一行。';
      case 'defines-type':
        return 'C++ 不允许在返回类型里定义类型：请把 `struct 名字 { ... };` 写进“定义”框，这里只填它的名字。';
      case 'extra-declaration':
        return '这里只能写一个类型：`;` 会结束一条声明。其他声明请写进“定义”框。';
      case 'directive':
        return '以 `#` 开头的是预处理指令，不是类型。这里不需要 `#include`：探索器已经认识它所建模的标准库类型。';
      case 'c-array':
        return `函数不能返回 C 数组。请改用 std::array<${p.detail || 'T'}, N>，或者把数组放进一个 struct。`;
      case 'returns-array':
        return '这是一个 C 数组类型，而函数不能返回 C 数组。请改用 std::array 或 struct。';
      case 'function-type':
        return '函数不能返回函数，请改为返回指向它的指针。';
      case 'no-type':
        return '这里没有找到返回类型。请检查定义是否完整：每个 `{` 都有对应的 `}`，每个类定义都以 `;` 结尾。';
      case 'too-large':
        return `类型太大，这里画不出来：探索器最多处理 ${p.detail} 个成员和数组元素。`;
      case 'cpp':
        return translate(p.detail, CPP_PATTERNS, 'C++ 前端报告');
      case 'no-layout':
        return translate(p.detail, ABI_PATTERNS, 'ABI 模块报告');
    }
  },
  where: (p) =>
    p.field === 'type' ? `返回类型，第 ${p.column} 列：` : `定义，第 ${p.line} 行第 ${p.column} 列：`,
  lastGood: (type) => `下面仍是上一个有效类型的结果：${type}。`,
};
