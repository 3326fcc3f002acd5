/** The explorer's words in English. */
import type { EightbyteClass } from '../sim/abi/index.ts';
import type { Carrier, Route } from './model.ts';
import type { NonTrivialCause, NonTrivialExplanation, NonTrivialStep, SpecialWhich } from './nontrivial.ts';
import type { ExplorerStrings } from './text.ts';

const NOUN: Record<SpecialWhich, string> = {
  copyCtor: 'copy constructor',
  moveCtor: 'move constructor',
  dtor: 'destructor',
};

function step(s: NonTrivialStep): string {
  if (s.via === 'base') return `its base \`${s.name}\`: `;
  if (s.via === 'member') return `its member \`${s.name}\`: `;
  return 'its an anonymous member: ';
}

function cause(c: NonTrivialCause): string {
  switch (c.kind) {
    case 'user-provided':
      return `\`${c.className}\` declares a user-provided ${NOUN[c.which]}`;
    case 'virtual-functions':
      return `\`${c.className}\` has virtual functions`;
    case 'virtual-base':
      return `\`${c.className}\` has a virtual base`;
    case 'unexplained':
      return `\`${c.className}\``;
  }
}

/** The same sentence as the ABI module's `nonTrivialReason` (a test holds them equal). */
export function nonTrivialEn(x: NonTrivialExplanation): string {
  if (x.kind === 'all-deleted')
    return `\`${x.className}\` has no usable copy or move constructor (all are deleted).`;
  return `\`${x.className}\` has a non-trivial ${NOUN[x.which]} (${x.steps.map(step).join('')}${cause(x.cause)}).`;
}

/** A member path as code (`''` is the value itself). */
const member = (path: string): string => (path === '' ? 'the value' : `\`${path}\``);

const bytes = (from: number, to: number): string =>
  to - from <= 1 ? `byte ${from}` : `bytes ${from}–${to - 1}`;

function partsList(r: Extract<Route, { parts: unknown }>): string {
  return r.parts.map((p) => `${bytes(p.offset, p.offset + p.size)} in ${p.reg}`).join(', ');
}

const RULE: Record<string, string> = {
  same: 'the same class stays',
  'no-class': 'NO_CLASS gives way to the other class',
  memory: 'MEMORY wins over everything',
  integer: 'INTEGER wins over SSE and x87 classes',
  x87: 'an x87 class with anything else gives MEMORY',
  sse: 'otherwise the result is SSE',
};

const list = (classes: readonly EightbyteClass[]): string => classes.join(', ');

export const en: ExplorerStrings = {
  title: 'ABI explorer',
  intro:
    'Type a return type. The simulator lays it out and classifies it as g++ does on each machine: where every byte sits, and how the value comes back to the caller.',
  typeLabel: 'Return type',
  typeHint:
    'Any type a C++ function can return, for example std::array<double, 4> or a struct defined below.',
  definitionsLabel: 'Definitions (optional)',
  definitionsHint:
    'Structs, classes, enums and aliases the return type names, for example struct Vec3 { double x, y, z; };',
  examples: 'Examples',
  exampleTitle: (type) => `Explore ${type}`,
  headline: (type, parts) => `${type} comes back: ${parts.join('; ')}.`,
  headlinePart: (target, route) => `on ${target} in ${route}`,
  working: 'Reading the type…',
  targetName: { x86_64: 'x86-64 (System V)', aarch64: 'AArch64 (AAPCS64)' },
  summaryCaption: (type) => `How ${type} is returned on two machines`,
  rowSize: 'Size and alignment',
  rowTrivial: 'Trivial for the purposes of calls',
  rowClasses: 'Eightbyte classes',
  rowHfa: 'Homogeneous floating-point aggregate (HFA)',
  rowReturned: 'Returned',
  sameOnBoth: 'the same on both machines',
  property: 'Property',
  size: (size, align) => `${size} ${size === 1 ? 'byte' : 'bytes'}, aligned to ${align}`,
  trivialYes: 'yes: the caller may copy its bytes on its own',
  trivialNo: (reason) => `no: ${reason}`,
  nonTrivial: nonTrivialEn,
  classesOnlyX86: '— (an x86-64 notion)',
  hfaOnlyA64: '— (an AArch64 rule)',
  classList: (classes) => (classes.length === 0 ? 'none (nothing is returned)' : list(classes)),
  hfa: (v, route) => {
    const regs = route.kind === 'registers' ? route.parts.map((p) => p.reg).join(', ') : '';
    switch (v.kind) {
      case 'hfa':
        return `yes: ${v.count} × ${v.base}, one per register (${regs})`;
      case 'scalar-float':
        return 'no: a single floating-point value is a scalar, not an aggregate';
      case 'not-aggregate':
        return 'no: not an aggregate';
      case 'non-trivial':
        return `${v.count} × ${v.base} would be one, but the class is non-trivial for calls`;
      case 'non-float':
        return `no: ${member(v.path)} is not a floating-point member`;
      case 'mixed':
        return `no: ${member(v.path)} is ${v.other}, the members before it are ${v.first}`;
      case 'too-many':
        return `no: ${v.count} members of type ${v.base}, more than four`;
      case 'padding':
        return 'no: the members leave padding between them';
      case 'empty':
        return 'no: it has no floating-point members';
      case 'other':
        return 'no';
    }
  },
  route: (r, size) => {
    switch (r.kind) {
      case 'void':
        return 'Nothing is returned.';
      case 'registers':
        return `In registers: ${partsList(r)}.`;
      case 'x87':
        return `On the x87 register stack: ${partsList(r)} (the 80-bit value); the padding after it is not returned.`;
      case 'memory':
        return r.addressBackIn
          ? `Through memory: the caller reserves ${size} bytes and passes their address in ${r.addressIn}; the callee writes the value there and returns the same address in ${r.addressBackIn}.`
          : `Through memory: the caller reserves ${size} bytes and passes their address in ${r.addressIn}; the callee writes the value there.`;
    }
  },
  shortRoute: (r) => {
    switch (r.kind) {
      case 'void':
        return 'nothing';
      case 'registers':
      case 'x87':
        return r.parts.map((p) => p.reg).join(', ');
      case 'memory':
        return `memory (${r.addressIn})`;
    }
  },
  notAvailable: (message) => `Not on this machine: ${message}`,
  bytesHeading: 'Where each byte goes',
  bytesCaption: (type) => `The bytes of ${type}, member by member, and what carries them back`,
  colBytes: 'Bytes',
  colMember: 'Member and type',
  colSize: 'Size',
  bytes,
  byteCount: (n) => `${n} ${n === 1 ? 'byte' : 'bytes'}`,
  bits: (bitOffset, bitWidth) => `bits ${bitOffset}–${bitOffset + bitWidth - 1}`,
  wholeValue: '(the value)',
  padding: 'padding',
  vptr: 'vtable pointer',
  carrier: (c: Carrier) =>
    c.kind === 'register'
      ? c.size >= c.partSize
        ? c.reg
        : `${c.reg}, ${bytes(c.regByte, c.regByte + c.size)}`
      : c.kind === 'memory'
        ? 'memory'
        : 'not returned',
  moreCells: (shown, total, size) =>
    `The map and the table show the first 64 bytes (${shown} of ${total} cells); the whole value is ${size} bytes long.`,
  mapLegend:
    'Each block is one member or a stretch of padding (hatched); the label under it says what carries it back.',
  mapLabel: (target) => `Byte map on ${target}`,
  eightbytesHeading: 'How x86-64 classifies it, eightbyte by eightbyte',
  eightbytesCaption:
    'Each member gives its eightbyte a class (SSE for float and double, INTEGER for integers and pointers, X87 for long double); the classes in one eightbyte merge; then the clean-up rules run.',
  colEightbyte: 'Eightbyte',
  colContributions: 'Members and their classes',
  colMerged: 'Merged',
  colFinal: 'Final',
  eightbyteName: (index, from, to) => `#${index} (${bytes(from, to)})`,
  onlyPadding: 'only padding: NO_CLASS',
  mergeStep: (before, withClass, result, rule) =>
    `${before} + ${withClass} → ${result}: ${RULE[rule] ?? rule}`,
  cleanup: (reason, unaligned) => {
    switch (reason) {
      case 'non-trivial':
        return 'Non-trivial for calls: the C++ ABI (Itanium 3.1.2) returns it through memory whatever its contents, so every eightbyte is MEMORY.';
      case 'larger-than-64':
        return 'Larger than 64 bytes (eight eightbytes): MEMORY without looking inside.';
      case 'unaligned':
        return `${unaligned.map(member).join(', ')} is not at an offset its type can be aligned to (a packed class): the whole value is MEMORY.`;
      case 'more-than-two':
        return 'More than two eightbytes, and not one vector (an SSE eightbyte followed only by SSEUP): the whole value is MEMORY.';
      case 'merged-memory':
        return 'An eightbyte merged to MEMORY, so the whole value is MEMORY.';
      case 'x87up-alone':
        return 'An X87UP eightbyte that does not follow an X87 one: the whole value is MEMORY.';
      case 'sseup-to-sse':
        return 'An SSEUP eightbyte that does not follow SSE or SSEUP becomes SSE.';
      case 'complex-x87':
        return 'A _Complex long double is one COMPLEX_X87 value: it comes back in st0 and st1.';
      case null:
        return 'No clean-up rule applies: the merged classes are final.';
    }
  },
  tooManyContributions: (n) => `… and ${n} more`,
  insightsHeading: 'What to notice',
  insight: {
    disagree:
      'The two machines disagree: one returns this type in registers, the other through memory. A program that works on one proves nothing about the other.',
    smallButNonTrivial: (size) =>
      `Only ${size} ${size === 1 ? 'byte' : 'bytes'}, small enough for registers, yet non-trivial for the purposes of calls: the C++ ABI sends it through memory on both machines, and the caller must run its destructor afterwards.`,
    bigHfa: (size) =>
      `On AArch64 an HFA comes back in floating-point registers even though it is ${size} bytes, more than the 16 bytes other composites may use.`,
    codon:
      'Codon passes no hidden pointer: a function returning this type cannot be imported as it is with `from C import` on a machine where the value travels through memory (lesson 4).',
    reference:
      'A reference is returned as the address of the object, like a pointer: the object itself stays where it is.',
  },
  problem: (p) => {
    switch (p.code) {
      case 'empty':
        return 'Type a return type, for example std::array<double, 4>.';
      case 'too-long':
        return `Too long: the explorer reads at most ${p.detail} characters here.`;
      case 'newline':
        return 'The return type is a single line.';
      case 'defines-type':
        return 'C++ does not allow defining a type in a return type: put `struct Name { ... };` in the definitions field and type its name here.';
      case 'extra-declaration':
        return 'One type only: a `;` ends a declaration. Put declarations in the definitions field.';
      case 'directive':
        return 'A `#` line is a preprocessor directive, not a type. No `#include` is needed: the explorer knows the standard types it models.';
      case 'c-array':
        return `A function cannot return a C array. Use std::array<${p.detail || 'T'}, N>, or a struct that holds the array.`;
      case 'returns-array':
        return 'This names a C array type, and a function cannot return a C array. Use std::array or a struct.';
      case 'function-type':
        return 'A function cannot return a function. Return a pointer to it instead.';
      case 'no-type':
        return 'No return type was found here. Check that the definitions are complete: every `{` closed by `}` and every class ended by `;`.';
      case 'too-large':
        return `Too large to lay out here: the explorer draws types of up to ${p.detail} members and array elements.`;
      case 'no-layout':
      case 'cpp':
        return p.detail;
    }
  },
  where: (p) =>
    p.field === 'type'
      ? `Return type, column ${p.column}:`
      : `Definitions, line ${p.line}, column ${p.column}:`,
  lastGood: (type) => `Still showing the last type that worked: ${type}.`,
};
