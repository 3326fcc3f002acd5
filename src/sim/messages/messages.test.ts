import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../run/index.ts';
import { en } from './en.ts';
import { formatMessage } from './format.ts';
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
