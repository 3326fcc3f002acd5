import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunInput, RunResult } from '../../sim/run/api';
import { runProgram } from '../../sim/run/index';
import { handoutRun, RunPool, runKey } from './run-pool';

const dir = new URL('../../../content/lessons/02-the-bug/programs/bug/', import.meta.url);
const bug = {
  cpp: readFileSync(new URL('lib.cpp', dir), 'utf8'),
  codon: readFileSync(new URL('main.codon', dir), 'utf8'),
};

describe('the handout run pool', () => {
  it('names a run by program and settings, with the widgets defaults', () => {
    expect(runKey(handoutRun('bug'))).toBe('bug|x86_64|runtime-data');
    expect(runKey(handoutRun('bug', 'aarch64', 'zero'))).toBe('bug|aarch64|zero');
  });

  it('runs each key once, one run at a time, on the real simulator', async () => {
    let running = 0;
    let overlapped = false;
    const inputs: RunInput[] = [];
    const pool = new RunPool(async (input) => {
      running += 1;
      if (running > 1) overlapped = true;
      inputs.push(input);
      await new Promise((r) => setTimeout(r, 5));
      const result = runProgram(input);
      running -= 1;
      return result;
    });
    const ask = (leftover: 'zero' | 'runtime-data') =>
      pool.get(runKey(handoutRun('bug', 'x86_64', leftover)), async () => ({ ...bug, leftover }));
    const [a, b, c] = await Promise.all([ask('runtime-data'), ask('zero'), ask('runtime-data')]);
    expect(overlapped).toBe(false);
    expect(inputs.map((i) => i.leftover)).toEqual(['runtime-data', 'zero']);
    expect(a).toBe(c);
    expect(a.summary.outcome).toBe('ok');
    expect(b.summary.outcome).toBe('crash');
  });

  it('goes on after a run that fails, and keeps the failure with its key', async () => {
    const pool = new RunPool(async (input): Promise<RunResult> => {
      if (input.codon === '') throw new Error('worker failed');
      return runProgram(input);
    });
    const failed = pool.get('broken', async () => ({ cpp: '', codon: '' }));
    const fine = pool.get('bug', async () => bug);
    await expect(failed).rejects.toThrow('worker failed');
    expect((await fine).summary.outcome).toBe('ok');
  });
});
