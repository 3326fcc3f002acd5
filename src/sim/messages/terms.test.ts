import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../run/index.ts';
import { buildScene } from '../view/scene.ts';
import { boundaryCallList, objectList } from '../trace/tables.ts';
import { formatMessage } from './format.ts';
import { formatPath, formatTerm } from './terms.ts';

const LESSONS = join(import.meta.dirname, '../../../content/lessons');
/** Three English words in a row, or a description of plain lowercase words ("frame link"). */
const LATIN_WORDS = /[A-Za-z]{3,}(?:\s+[A-Za-z]{2,}){2,}|^[a-z]+(?: [a-z-]+)+$/;

/** Every lesson program's trace on both targets. */
function* traces() {
  for (const lesson of readdirSync(LESSONS)) {
    const dir = join(LESSONS, lesson, 'programs');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const cpp = readFileSync(join(dir, name, 'lib.cpp'), 'utf8');
      const codon = readFileSync(join(dir, name, 'main.codon'), 'utf8');
      for (const target of ['x86_64', 'aarch64'] as const) {
        const trace = runProgram({ cpp, codon, target, leftover: 'runtime-data' }).trace;
        if (trace !== null) yield { key: `${lesson}/${name}/${target}`, trace };
      }
    }
  }
}

const expectChinese = (where: string, text: string) =>
  expect(LATIN_WORDS.test(text) ? `${where}: ${text}` : '').toBe('');

describe('the simulator’s descriptions in Chinese', () => {
  it('leaves English and identifiers alone', () => {
    expect(formatTerm('code pointer', 'en')).toBe('code pointer');
    expect(formatTerm('std::array<double, 4>', 'zh')).toBe('std::array<double, 4>');
    expect(formatPath('result', 'zh')).toBe('result');
    expect(formatPath('saved', 'zh')).toBe('已保存');
  });

  it('says the ABI check’s details in Chinese, keeping registers and types', () => {
    expect(
      formatTerm('result: callee writes it to memory at [rdi] (hidden pointer), caller reads rax', 'zh'),
    ).toBe('结果：被调用方把它写到 [rdi] 处的内存（隐藏指针），调用方却从 rax 读取');
    expect(formatTerm('argument 1: caller passes List[float], callee reads double*', 'zh')).toBe(
      '第 1 个参数：调用方传的是 List[float]，被调用方读的是 double*',
    );
  });

  it('has Chinese for every type, register role, call label and finding of every lesson program', () => {
    for (const { key, trace } of traces()) {
      for (const o of objectList(trace.objects)) expectChinese(`${key} type`, formatTerm(o.typeName, 'zh'));
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
          for (const r of o.rows) if (r.cell !== null) expectChinese(`${key} path`, r.cell.path);
        }
      }
    }
  });
});
