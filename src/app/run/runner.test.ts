import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunInput, RunResult } from '../../sim/run/api';
import type { RunRequest, WorkerReply } from '../../worker/protocol';
import { loopTrace } from '../player/trace-fixtures';
import { createPlayerStore } from '../store/player-store';
import { editStore, memoryStorage, SITE_NAMESPACE } from '../store/storage';
import { connectRunner } from './connect';
import { createWorkerRunner, RunCancelled, type Runner } from './runner';

/** A stand-in for the simulator's worker: records requests, answers when told to. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  requests: RunRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(request: RunRequest) {
    this.requests.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(index = this.requests.length - 1) {
    const request = this.requests[index] as RunRequest;
    const result: RunResult = {
      trace: loopTrace(),
      diagnostics: [],
      summary: {
        outcome: 'ok',
        stdout: '',
        crash: null,
        error: null,
        findings: [],
        diagnostics: [],
        steps: 0,
      },
    };
    this.onmessage?.({
      data: { kind: 'result', id: request.id, result, ms: 1 },
    } as MessageEvent<WorkerReply>);
  }
}

const input: RunInput = { cpp: 'a', codon: 'b' };

beforeEach(() => {
  FakeWorker.made = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the worker runner', () => {
  it('reuses an idle worker and keeps a spare ready', async () => {
    const runner = createWorkerRunner(() => new FakeWorker() as unknown as Worker);
    const first = runner.run(input);
    vi.advanceTimersByTime(1);
    expect(FakeWorker.made).toHaveLength(2); // the active worker and a warm spare
    FakeWorker.made[0]!.answer();
    await expect(first).resolves.toMatchObject({ summary: { outcome: 'ok' } });
    const second = runner.run(input);
    expect(FakeWorker.made[0]!.requests).toHaveLength(2);
    FakeWorker.made[0]!.answer();
    await second;
    expect(FakeWorker.made.some((w) => w.terminated)).toBe(false);
  });

  it('cancels a run still going when a new one arrives, by terminating its worker', async () => {
    const runner = createWorkerRunner(() => new FakeWorker() as unknown as Worker);
    const old = runner.run(input);
    vi.advanceTimersByTime(1);
    const fresh = runner.run({ ...input, cpp: 'newer' });
    await expect(old).rejects.toBeInstanceOf(RunCancelled);
    const [first, spare] = FakeWorker.made;
    expect(first!.terminated).toBe(true);
    // The new run went to the warm spare at once, not queued behind the old one.
    expect(spare!.requests.map((r) => r.input.cpp)).toEqual(['newer']);
    // A late answer from the terminated worker is ignored.
    first!.answer();
    spare!.answer();
    await expect(fresh).resolves.toBeDefined();
  });

  it('reports a run that never finishes as a failure of the simulator', async () => {
    const runner = createWorkerRunner(() => new FakeWorker() as unknown as Worker);
    const run = runner.run(input);
    vi.advanceTimersByTime(20_001);
    await expect(run).rejects.toThrow(/did not finish/);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });
});

/** A runner whose runs finish when the test says so. */
function manualRunner() {
  const pending: { input: RunInput; resolve: (r: RunResult) => void; reject: (e: Error) => void }[] = [];
  const runner: Runner = {
    run: (runInput) =>
      new Promise((resolve, reject) => {
        // As the real runner does: a new run cancels the one in progress.
        pending.splice(0).forEach((p) => p.reject(new RunCancelled()));
        pending.push({ input: runInput, resolve, reject });
      }),
    dispose: () => {},
  };
  const finish = (iterations = 3) =>
    pending.shift()?.resolve({
      trace: loopTrace({ iterations }),
      diagnostics: [],
      summary: {
        outcome: 'ok',
        stdout: '',
        crash: null,
        error: null,
        findings: [],
        diagnostics: [],
        steps: 0,
      },
    });
  return { runner, pending, finish };
}

describe('connecting a store to a runner', () => {
  const lessonCode = { cpp: 'int x;', codon: 'print(1)' };
  const setup = () => {
    const store = createPlayerStore({ edits: editStore(memoryStorage(), SITE_NAMESPACE) });
    const manual = manualRunner();
    const stop = connectRunner(store, manual.runner, { debounceMs: 30 });
    return { store, ...manual, stop };
  };

  it('runs a program as soon as it is loaded, and again at once on a target or leftover switch', async () => {
    const { store, pending, finish } = setup();
    store.getState().loadProgram({ lessonId: 'l', programId: 'p', lessonCode });
    expect(pending).toHaveLength(1);
    finish();
    await vi.runAllTimersAsync();
    expect(store.getState().trace?.steps.count).toBeGreaterThan(0);
    store.getState().setTarget('aarch64');
    expect(pending[0]?.input.target).toBe('aarch64');
    store.getState().setLeftover('zero');
    expect(pending).toHaveLength(1);
    expect(pending[0]?.input).toMatchObject({ target: 'aarch64', leftover: 'zero' });
  });

  it('waits for a pause in the typing, then runs the newest code only', async () => {
    const { store, pending, finish } = setup();
    store.getState().loadProgram({ lessonId: 'l', programId: 'p', lessonCode });
    finish();
    await vi.runAllTimersAsync();
    store.getState().editCode('codon', 'print(12)');
    vi.advanceTimersByTime(10);
    store.getState().editCode('codon', 'print(123)');
    vi.advanceTimersByTime(29);
    expect(pending).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(pending.map((p) => p.input.codon)).toEqual(['print(123)']);
    // More typing while that run is going: it is cancelled and the newest code wins.
    store.getState().editCode('codon', 'print(1234)');
    vi.advanceTimersByTime(30);
    expect(pending.map((p) => p.input.codon)).toEqual(['print(1234)']);
    finish(2);
    await vi.runAllTimersAsync();
    expect(store.getState().traceInput?.code.codon).toBe('print(1234)');
    expect(store.getState().running).toBe(false);
  });

  it('runs a reset at once, without waiting', () => {
    const { store, pending, finish } = setup();
    store.getState().loadProgram({ lessonId: 'l', programId: 'p', lessonCode });
    finish();
    store.getState().editCode('cpp', 'edited');
    vi.advanceTimersByTime(30);
    pending.splice(0);
    store.getState().resetCode();
    expect(pending.map((p) => p.input.cpp)).toEqual(['int x;']);
  });

  it('stops re-running once disconnected', () => {
    const { store, pending, stop } = setup();
    stop();
    store.getState().loadProgram({ lessonId: 'l', programId: 'p', lessonCode });
    expect(pending).toHaveLength(0);
  });
});
