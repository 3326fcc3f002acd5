/**
 * The walls behind the simulator's own budgets (host.ts, child.ts): real host failures, each made on
 * purpose by a stand-in child or worker, must come back as an outcome the command line can print.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { simulateInChild, type ChildProgram } from './host';
import type { HostOutcome, Job } from './job';
import { outcomeOfError } from './worker-errors';

const JOB: Job = { kind: 'abi', source: 'int f();\n', file: 'f.cpp', target: 'x86_64' };
const child = (name: string, execArgv: string[] = []): ChildProgram => ({
  entry: new URL(`./fixtures/children/${name}.mjs`, import.meta.url),
  execArgv,
});

/** The error a worker thread ends with when it runs `code`. */
function workerError(code: string, options: ConstructorParameters<typeof Worker>[1] = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { ...options, eval: true });
    w.once('error', resolve);
    w.once('exit', () => reject(new Error('the worker ended without an error')));
  });
}

function expectHostLimit(o: HostOutcome, limit: string, message: RegExp): void {
  expect(o).toMatchObject({ kind: 'host-limit', limit });
  expect(o.kind === 'host-limit' ? o.message : '').toMatch(message);
}

describe('the child process wall', () => {
  it('a child V8 aborts for want of heap is a memory limit, quoting V8', async () => {
    const o = await simulateInChild(JOB, 120_000, child('heap-fatal', ['--max-old-space-size=32']));
    expectHostLimit(o, 'memory', /host process hit a limit .*heap out of memory/);
  });
  it('a child that never answers is stopped at the wall-clock limit', async () => {
    const o = await simulateInChild(JOB, 1000, child('hang'));
    expectHostLimit(o, 'time', /wall-clock limit of 1 s/);
  });
  it('a child that ends without a result is an internal error, not a verdict on the program', async () => {
    const o = await simulateInChild(JOB, 120_000, child('silent-exit'));
    expect(o).toMatchObject({ kind: 'internal-error' });
    expect(o.kind === 'internal-error' ? o.message : '').toMatch(/exit 3/);
  });
  it('the real child does the job', async () => {
    const o = await simulateInChild(JOB, 120_000);
    expect(o.kind).toBe('done');
    expect(o.kind === 'done' && o.result.kind === 'abi' ? o.result.report.functions[0]?.name : '').toBe('f');
  });
});

describe('the worker wall', () => {
  it('a worker past its heap cap is a memory limit', async () => {
    const e = await workerError('const a = []; for (;;) a.push({ a });', {
      resourceLimits: { maxOldGenerationSizeMb: 16 },
    });
    expectHostLimit(outcomeOfError(e), 'memory', /ran out of its host memory/);
  });
  it('a host stack overflow is a stack limit, not a crash', async () => {
    expectHostLimit(outcomeOfError(await workerError('function f() { f(); } f();')), 'stack', /host stack/);
  });
  it('another RangeError of the host is a memory limit, named', async () => {
    expectHostLimit(
      outcomeOfError(await workerError("'x'.repeat(2 ** 30);")),
      'memory',
      /Invalid string length/,
    );
  });
  it('any other error is an internal error', async () => {
    expect(outcomeOfError(await workerError('null.x;'))).toMatchObject({ kind: 'internal-error' });
  });
});
