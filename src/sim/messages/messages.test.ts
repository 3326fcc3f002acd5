import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../run/index.ts';
import { en } from './en.ts';
import type { IndeterminateSpan } from '../trace/types.ts';
import { formatMessage, indeterminateText } from './format.ts';
import { zh } from './zh.ts';

const placeholders = (t: string) => [...new Set(t.match(/\{\d+\}/g) ?? [])].sort();

describe('message catalogues', () => {
  it('have the same ids in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s uses the same parameters in both languages', (id) => {
    expect(placeholders(zh[id] ?? '')).toEqual(placeholders(en[id] ?? ''));
  });

  it('covers every narration and finding that the lesson programs produce, on both targets', () => {
    const lessons = join(import.meta.dirname, '../../../content/lessons');
    const used = new Set<string>();
    for (const lesson of readdirSync(lessons)) {
      const dir = join(lessons, lesson, 'programs');
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        const cpp = readFileSync(join(dir, name, 'lib.cpp'), 'utf8');
        const codon = readFileSync(join(dir, name, 'main.codon'), 'utf8');
        for (const target of ['x86_64', 'aarch64'] as const) {
          for (const leftover of ['zero', 'runtime-data', 'gc-object', 'stale-stack'] as const) {
            const trace = runProgram({ cpp, codon, target, leftover }).trace;
            trace?.messageIds.forEach((id) => used.add(id));
            trace?.findings.forEach((f) => used.add(f.message.id));
            if (trace?.crash) used.add(trace.crash.message.id);
          }
        }
      }
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((id) => en[id] === undefined || zh[id] === undefined)).toEqual([]);
  });

  it('fills parameters and falls back to English, then to the id', () => {
    expect(formatMessage({ id: 'finding.double-free', params: ['p'] }, 'zh')).toBe('p 被第二次释放。');
    expect(formatMessage({ id: 'no.such.message', params: [] }, 'zh')).toBe('no.such.message');
  });
});

describe('indeterminate output', () => {
  const span = (sources: IndeterminateSpan['sources'], kind: IndeterminateSpan['kind'] = 'value') =>
    ({ kind, start: 0, end: 1, sources }) satisfies IndeterminateSpan;

  it('says what a marked value depends on, in both languages', () => {
    expect(indeterminateText(span(['register']))).toBe(
      'indeterminate: this value depends on what was left in a register that nothing in either program set (the real machine may print something else)',
    );
    expect(indeterminateText(span(['register']), 'zh')).toBe(
      '不确定：这个值取决于某个寄存器里残留的内容，两边的程序都没有给这个寄存器赋过值（真实机器上可能打印出别的东西）',
    );
  });

  it('names every source, and says something true when none was worked out', () => {
    expect(indeterminateText(span(['runtime-stack', 'uninitialised']))).toContain(
      'by a runtime function (print, printf, GC_malloc), which the simulator runs as one step; and on what was left in memory that nothing wrote',
    );
    expect(indeterminateText(span([], 'text'))).toBe(
      'indeterminate: what is printed here depends on what earlier code left behind, which the simulator makes up rather than computes (the real machine may print something else)',
    );
  });
});
