/**
 * The simulator's fixed descriptions (object types, register roles, the call table's labels and
 * placements, glossed cell paths, the ABI check's details) are message ids with parameters
 * (src/sim/trace/terms.ts), never English text the page translates afterwards. Every id the lesson
 * programs use has both languages, the English is what the simulator said when these were strings,
 * and the Chinese scenes carry no English sentence.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerInfos } from '../machine/registers.ts';
import { runProgram } from '../run/index.ts';
import { stepMessage } from '../trace/reader.ts';
import { boundaryCallList, objectList } from '../trace/tables.ts';
import { TermId, isTerm, joinDetails, term, type Term } from '../trace/terms.ts';
import type { MessageParam, Trace } from '../trace/types.ts';
import { buildScene } from '../view/scene.ts';
import { en } from './en.ts';
import { formatMessage, formatText } from './format.ts';
import { zh } from './zh.ts';

const LESSONS = join(import.meta.dirname, '../../../content/lessons');
/** Three English words in a row, or a description of plain lowercase words ("frame link"). */
const LATIN_WORDS = /[A-Za-z]{3,}(?:\s+[A-Za-z]{2,}){2,}|^[a-z]+(?: [a-z-]+)+$/;

/** Every lesson program's trace on both targets. */
function* traces(): Generator<{ key: string; trace: Trace }> {
  for (const lesson of readdirSync(LESSONS).sort()) {
    const dir = join(LESSONS, lesson, 'programs');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const cpp = readFileSync(join(dir, name, 'lib.cpp'), 'utf8');
      const codon = readFileSync(join(dir, name, 'main.codon'), 'utf8');
      for (const target of ['x86_64', 'aarch64'] as const) {
        const trace = runProgram({ cpp, codon, target, leftover: 'runtime-data' }).trace;
        if (trace !== null) yield { key: `${lesson}/${name}/${target}`, trace };
      }
    }
  }
}

/** Every message id in a parameter tree (names and terms nest). */
function idsIn(p: MessageParam | Term | undefined, out: Set<string>): void {
  if (!isTerm(p)) return;
  out.add(p.id);
  for (const q of p.params) idsIn(q, out);
}

/** Every description id a trace uses: types, cell paths, call labels and placements, register roles, message parameters. */
function descriptionIds(trace: Trace): Set<string> {
  const out = new Set<string>();
  for (const o of objectList(trace.objects)) {
    idsIn(o.typeName, out);
    for (const c of o.cells) idsIn(c.path, out);
  }
  for (const c of boundaryCallList(trace.boundaryCalls))
    for (const r of [...c.callerArgs, ...c.calleeArgs, c.callerResult, c.calleeResult]) {
      idsIn(r?.label, out);
      idsIn(r?.where, out);
    }
  for (const r of registerInfos(trace.target)) idsIn(r.role, out);
  const messages = [...trace.findings.map((f) => f.message)];
  for (let s = 0; s < trace.steps.count; s++) messages.push(stepMessage(trace, s));
  for (const m of messages) for (const p of m.params) idsIn(p, out);
  return out;
}

const expectChinese = (where: string, text: string) =>
  expect(LATIN_WORDS.test(text) ? `${where}: ${text}` : '').toBe('');

describe('the simulator’s descriptions', () => {
  it('keep code as written in every language, and translate descriptions', () => {
    expect(formatText('std::array<double, 4>', 'zh')).toBe('std::array<double, 4>');
    expect(formatText('result', 'zh')).toBe('result');
    expect(formatText(term(TermId.result), 'zh')).toBe('结果');
    expect(formatText(term(TermId.saved), 'zh')).toBe('已保存');
    expect(formatText(term(TermId.ioLock, '_IO_lock_t', 'stdout'))).toBe(
      '_IO_lock_t (a recursive lock: lock, cnt, owner), stdout’s',
    );
  });

  it('say the ABI check’s details in both languages, keeping registers and types', () => {
    const details = joinDetails([
      term(TermId.resultHidden, 'rdi', 'rax'),
      term(TermId.argTyped, 1, 'List[float]', 'double*'),
      term(TermId.argPlaced, 2, term(TermId.onStack, 8), term(TermId.inMemory, 'rsi')),
    ]);
    expect(formatText(details ?? '')).toBe(
      'result: callee writes it to memory at [rdi] (hidden pointer), caller reads rax; argument 1: caller passes List[float], callee reads double*; argument 2: caller puts it in stack +8, callee reads memory at [rsi]',
    );
    expect(formatText(details ?? '', 'zh')).toBe(
      '结果：被调用方把它写到 [rdi] 处的内存（隐藏指针），调用方却从 rax 读取；第 1 个参数：调用方传的是 List[float]，被调用方读的是 double*；第 2 个参数：调用方放在 栈 +8，被调用方从 [rsi] 处的内存 读取',
    );
  });

  it('have an English and a Chinese template for every id', () => {
    for (const id of Object.values(TermId)) {
      expect(en[id], id).toBeDefined();
      expect(zh[id], id).toBeDefined();
    }
  });

  it('are stored as ids in lesson 2’s trace, not as English text', () => {
    const bug = [...traces()].find((t) => t.key === '02-the-bug/bug/x86_64')?.trace;
    if (bug === undefined) throw new Error('lesson 2 run missing');
    const types = objectList(bug.objects).map((o) => o.typeName);
    expect(types).toContainEqual(term(TermId.loaderLock, 'pthread_mutex_t'));
    expect(types).toContainEqual(term(TermId.codePointer));
    // What stays a string is code: a C++ or Codon type.
    expect(types.filter((t) => typeof t === 'string' && LATIN_WORDS.test(t))).toEqual([]);
    const finding = bug.findings.find((f) => f.kind === 'abi-mismatch');
    expect(isTerm(finding?.message.params[1])).toBe(true);
  });

  it('has both languages for every id the lesson programs use, and Chinese scenes without English sentences', () => {
    const used = new Set<string>();
    for (const { key, trace } of traces()) {
      for (const id of descriptionIds(trace)) used.add(id);
      for (const o of objectList(trace.objects)) expectChinese(`${key} type`, formatText(o.typeName, 'zh'));
      for (const f of trace.findings) expectChinese(`${key} finding`, formatMessage(f.message, 'zh'));
      for (const c of boundaryCallList(trace.boundaryCalls)) {
        const scene = buildScene(trace, c.step, undefined, 'zh');
        for (const r of scene.registers) expectChinese(`${key} %${r.name}`, r.role);
        for (const row of scene.call?.rows ?? []) {
          expectChinese(`${key} call`, row.caller.label);
          expectChinese(`${key} call`, row.callee.label);
        }
        for (const o of scene.objects) {
          expectChinese(`${key} object`, o.name);
          expectChinese(`${key} object type`, o.typeName);
          for (const r of o.rows) if (r.cell !== null) expectChinese(`${key} path`, r.cell.path);
        }
      }
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((id) => en[id] === undefined || zh[id] === undefined)).toEqual([]);
  });
});
