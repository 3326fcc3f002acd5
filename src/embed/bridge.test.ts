// The embed coalesces a burst of run commands (set-target, set-leftover, load-code) into one run of
// the newest state: the real runner and bridge, over a worker that never answers (every run it is
// still busy with when a new one comes is terminated, as a real busy worker would be).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectRunner, EDIT_DEBOUNCE_MS } from '../app/run/connect';
import { createWorkerRunner } from '../app/run/runner';
import { memoryStorage } from '../app/store/storage';
import { connectBridge, COALESCE_MS, usableHeight } from './bridge';
import { createEmbedStore } from './EmbedApp';
import { parseEmbedParams } from './params';
import { PROTOCOL, PROTOCOL_VERSION } from './protocol';

class BusyWorker {
  static made = 0;
  static terminated = 0;
  static requests: unknown[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    BusyWorker.made++;
  }
  postMessage(message: unknown) {
    BusyWorker.requests.push(message);
  }
  terminate() {
    BusyWorker.terminated++;
  }
}

function setUp() {
  const store = createEmbedStore(parseEmbedParams('?v=1&lesson=02-the-bug&program=bug'), memoryStorage());
  const runner = createWorkerRunner(() => new BusyWorker() as unknown as Worker);
  const stopRunner = connectRunner(store, runner);
  const parent = {} as Window;
  let listener: ((event: MessageEvent) => void) | null = null;
  const self = {
    addEventListener: (_: string, l: (event: MessageEvent) => void) => (listener = l),
    removeEventListener: () => (listener = null),
  } as unknown as Window;
  const stopBridge = connectBridge(store, {
    id: '',
    origins: [],
    restricted: false,
    parent,
    self,
    root: null,
  });
  const send = (data: object) =>
    listener?.({ source: parent, origin: 'https://docs.example', data } as unknown as MessageEvent);
  return {
    store,
    send,
    stop: () => {
      stopBridge();
      stopRunner();
      runner.dispose();
    },
  };
}

const env = { protocol: PROTOCOL, version: PROTOCOL_VERSION };

describe('run commands from the parent page', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    BusyWorker.made = BusyWorker.terminated = 0;
    BusyWorker.requests = [];
  });
  afterEach(() => vi.useRealTimers());

  it('2,000 set-target messages restart the worker at most once and end in the last message’s state', () => {
    const { store, send, stop } = setUp();
    store.getState().loadProgram({
      lessonId: '02-the-bug',
      programId: 'bug',
      lessonCode: { cpp: 'int f();', codon: 'print(1)' },
    });
    vi.runOnlyPendingTimers();
    const runsBefore = BusyWorker.requests.length;
    const terminatedBefore = BusyWorker.terminated;
    // Alternating, the 2,000th (the last) asking for aarch64.
    const targets = ['x86_64', 'aarch64'] as const;
    for (let i = 0; i < 2000; i++) send({ ...env, type: 'set-target', target: targets[i % 2] });
    vi.advanceTimersByTime(COALESCE_MS + 1);
    expect(store.getState().target).toBe('aarch64');
    expect(BusyWorker.requests.length - runsBefore).toBe(1);
    const last = BusyWorker.requests.at(-1) as { input: { target: string } };
    expect(last.input.target).toBe('aarch64');
    // The first run was still busy: one restart for the whole burst, no more.
    expect(BusyWorker.terminated - terminatedBefore).toBeLessThanOrEqual(1);
    stop();
  });

  it('a mixed burst of target, leftover and code is one run of the newest of each', () => {
    const { store, send, stop } = setUp();
    store.getState().loadProgram({
      lessonId: '02-the-bug',
      programId: 'bug',
      lessonCode: { cpp: 'int f();', codon: 'print(1)' },
    });
    vi.runOnlyPendingTimers();
    const runsBefore = BusyWorker.requests.length;
    const terminatedBefore = BusyWorker.terminated;
    for (let i = 0; i < 500; i++) {
      send({ ...env, type: 'set-target', target: i % 2 ? 'x86_64' : 'aarch64' });
      send({ ...env, type: 'set-leftover', leftover: i % 2 ? 'zero' : 'gc-object' });
      send({ ...env, type: 'load-code', codon: `print(${i})` });
    }
    send({ ...env, type: 'goto', step: 3 });
    vi.advanceTimersByTime(COALESCE_MS + EDIT_DEBOUNCE_MS + 1);
    const s = store.getState();
    expect([s.target, s.leftover, s.code.codon]).toEqual(['x86_64', 'zero', 'print(499)']);
    expect(BusyWorker.requests.length - runsBefore).toBe(1);
    expect(BusyWorker.terminated - terminatedBefore).toBeLessThanOrEqual(1);
    const last = BusyWorker.requests.at(-1) as { input: { target: string; leftover: string; codon: string } };
    expect([last.input.target, last.input.leftover, last.input.codon]).toEqual([
      'x86_64',
      'zero',
      'print(499)',
    ]);
    stop();
  });
});

describe('the height the embed asks its host for', () => {
  it('is its frame’s height, brought between 480 and 720 px (the heights its layout is made for)', () => {
    expect([300, 480, 600, 720, 2000].map(usableHeight)).toEqual([480, 480, 600, 720, 720]);
  });
});
