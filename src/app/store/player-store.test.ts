import { describe, expect, it } from 'vitest';
import { findMoment } from '../player/moments';
import { lastStep } from '../player/stepping';
import { loopTrace } from '../player/trace-fixtures';
import { lineAt, sideAt } from '../player/trace-index';
import { hasUnkeptLinkEdits, isCodeEdited } from './code-slice';
import { createPlayerStore } from './player-store';
import { isTraceCurrent, stopSteps } from './selectors';
import { editStore, memoryStorage, SITE_NAMESPACE } from './storage';
import type { PredictStop, ProgramSpec, RunInputs } from './types';

const lessonCode = { cpp: 'double* foo();', codon: 'from C import foo() -> Ptr[float]' };
const spec: ProgramSpec = { lessonId: '02-the-bug', programId: 'bug', lessonCode };

function setup(storage = memoryStorage()) {
  const edits = editStore(storage, SITE_NAMESPACE);
  const store = createPlayerStore({ edits });
  store.getState().loadProgram(spec);
  return { store, storage, edits };
}

/** Runs the "simulator" for the current inputs: a real trace from the test machine. */
function finish(store: ReturnType<typeof setup>['store'], trace = loopTrace(), id?: number): RunInputs {
  const s = store.getState();
  const runId = id ?? s.beginRun();
  const input = { code: s.code, target: s.target, leftover: s.leftover };
  store.getState().finishRun(runId, input, { trace, diagnostics: [], outcome: trace.outcome });
  return input;
}

describe('the lesson and code slices', () => {
  it('loads a program with its own code, target and leftover', () => {
    const { store } = setup();
    store.getState().loadProgram({ ...spec, target: 'aarch64', leftover: 'zero' });
    const s = store.getState();
    expect(s).toMatchObject({
      lessonId: '02-the-bug',
      programId: 'bug',
      code: lessonCode,
      codeOrigin: 'lesson',
    });
    expect(s.target).toBe('aarch64');
    expect(s.leftover).toBe('zero');
    expect(isCodeEdited(s)).toBe(false);
  });

  it('saves edits per lesson program and brings them back on the next load', () => {
    const { store, storage } = setup();
    store.getState().editCode('cpp', 'static double bar[4];');
    expect(store.getState().codeOrigin).toBe('saved');
    expect([...storage.data.keys()]).toEqual(['codon-lab:v1:edits:02-the-bug/bug']);
    // A fresh store over the same storage: a reload.
    const again = setup(storage).store;
    expect(again.getState().code).toEqual({ ...lessonCode, cpp: 'static double bar[4];' });
    expect(again.getState().codeOrigin).toBe('saved');
    // Another program of the lesson has its own code.
    again.getState().loadProgram({ ...spec, programId: 'fix-static' });
    expect(again.getState().code).toEqual(lessonCode);
  });

  it('does not notify subscribers when an edit changes nothing', () => {
    const { store } = setup();
    let notified = 0;
    store.subscribe(() => notified++);
    store.getState().editCode('codon', lessonCode.codon);
    expect(notified).toBe(0);
    store.getState().editCode('codon', 'x = 1');
    expect(notified).toBe(1);
  });

  it('forgets the saved edits when the code is edited back to the lesson code', () => {
    const { store, storage } = setup();
    store.getState().editCode('codon', 'print(1)');
    store.getState().editCode('codon', lessonCode.codon);
    expect(storage.data.size).toBe(0);
    expect(store.getState().codeOrigin).toBe('lesson');
  });

  it('resets to the lesson code, and can undo the reset', () => {
    const { store, edits } = setup();
    store.getState().editCode('codon', 'print(1)');
    store.getState().resetCode();
    expect(store.getState().code).toEqual(lessonCode);
    expect(edits.load('02-the-bug', 'bug').code).toBeNull();
    expect(store.getState().replaced?.reason).toBe('reset');
    store.getState().undoReplace();
    expect(store.getState().code.codon).toBe('print(1)');
    expect(edits.load('02-the-bug', 'bug').code?.codon).toBe('print(1)');
  });

  it("shows a shared link's code without touching the saved edits until the learner keeps it", () => {
    const { store, edits, storage } = setup();
    store.getState().editCode('cpp', 'mine');
    const link = { cpp: 'theirs', codon: 'theirs too' };
    const reopened = setup(storage).store;
    reopened.getState().loadProgram({ ...spec, linkCode: link });
    expect(reopened.getState().code).toEqual(link);
    expect(reopened.getState().codeOrigin).toBe('link');
    // Only looking at a link's code loses nothing by leaving: the link still has it.
    expect(hasUnkeptLinkEdits(reopened.getState())).toBe(false);
    reopened.getState().editCode('codon', 'theirs, edited');
    expect(edits.load('02-the-bug', 'bug').code?.cpp).toBe('mine');
    expect(hasUnkeptLinkEdits(reopened.getState())).toBe(true);
    reopened.getState().keepLinkCode();
    expect(hasUnkeptLinkEdits(reopened.getState())).toBe(false);
    expect(reopened.getState().codeOrigin).toBe('saved');
    expect(edits.load('02-the-bug', 'bug').code).toEqual({ cpp: 'theirs', codon: 'theirs, edited' });
  });

  it("goes back to the learner's own code from a link, and can undo that", () => {
    const { store, storage } = setup();
    store.getState().editCode('cpp', 'mine');
    const reopened = setup(storage).store;
    reopened.getState().loadProgram({ ...spec, linkCode: { cpp: 'theirs', codon: '' } });
    reopened.getState().discardLinkCode();
    expect(reopened.getState().code.cpp).toBe('mine');
    expect(reopened.getState().codeOrigin).toBe('saved');
    reopened.getState().undoReplace();
    expect(reopened.getState().code.cpp).toBe('theirs');
    expect(reopened.getState().codeOrigin).toBe('link');
  });

  it('shows no link banner when the link carries the code the learner already has', () => {
    const { store } = setup();
    store.getState().loadProgram({ ...spec, linkCode: lessonCode });
    expect(store.getState().codeOrigin).toBe('lesson');
  });

  it('says when the browser refused to save an edit', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const store = createPlayerStore({ edits: editStore(full, SITE_NAMESPACE) });
    store.getState().loadProgram(spec);
    store.getState().editCode('cpp', 'x');
    expect(store.getState().saveFailed).toBe(true);
    expect(store.getState().code.cpp).toBe('x');
  });
});

describe('the run slice', () => {
  it('shows the newest run only: an older result arriving late never wins', () => {
    const { store } = setup();
    const first = store.getState().beginRun();
    store.getState().editCode('cpp', 'edited');
    const second = store.getState().beginRun();
    const newer = loopTrace({ iterations: 2 });
    const input = finish(store, newer, second);
    store
      .getState()
      .finishRun(
        first,
        { ...input, code: lessonCode },
        { trace: loopTrace(), diagnostics: [], outcome: 'ok' },
      );
    expect(store.getState().trace).toBe(newer);
    expect(store.getState().running).toBe(false);
    expect(isTraceCurrent(store.getState())).toBe(true);
    store.getState().failRun(first, 'old failure');
    expect(store.getState().runError).toBeNull();
  });

  it('keeps the last trace that compiled when the code stops compiling, with the diagnostics', () => {
    const { store } = setup();
    const trace = loopTrace();
    finish(store, trace);
    store.getState().editCode('codon', 'def (');
    const id = store.getState().beginRun();
    const s = store.getState();
    const diagnostic = {
      severity: 'error' as const,
      file: 'main.codon',
      line: 1,
      column: 5,
      message: 'expected a name',
    };
    s.finishRun(
      id,
      { code: s.code, target: s.target, leftover: s.leftover },
      { trace: null, diagnostics: [diagnostic], outcome: 'compile-error' },
    );
    expect(store.getState().trace).toBe(trace);
    expect(store.getState().verdict).toMatchObject({ outcome: 'compile-error', diagnostics: [diagnostic] });
    expect(isTraceCurrent(store.getState())).toBe(false);
  });

  it('keeps the learner on the same visit of the same line across a re-run', () => {
    const { store } = setup();
    finish(store);
    let third = 0;
    for (let seen = 0, i = 0; i < store.getState().trace!.steps.count; i++) {
      if (
        sideAt(store.getState().trace!, i) === 'cpp' &&
        lineAt(store.getState().trace!, i) === 7 &&
        ++seen === 2
      )
        third = i;
    }
    store.getState().goTo({ step: third, eventEnd: null });
    store.getState().setLeftover('zero');
    finish(store, loopTrace());
    expect(store.getState().step).toBe(third);
  });

  it("lands on a link's step when the first run arrives, clamped to the run", () => {
    const { store } = setup();
    store.getState().loadProgram({ ...spec, step: 9 });
    finish(store);
    expect(store.getState().step).toBe(9);
    store.getState().loadProgram({ ...spec, step: 99_999 });
    const trace = loopTrace();
    finish(store, trace);
    expect(store.getState().step).toBe(lastStep(trace));
  });

  it('records the verdict the exercises check', () => {
    const { store } = setup();
    finish(store, loopTrace({ iterations: 2 }));
    expect(store.getState().verdict).toMatchObject({ outcome: 'ok', findingKinds: [], stdout: '1\n2\n' });
  });
});

describe('the playback slice', () => {
  it('steps, plays to the end and stops there', () => {
    const { store } = setup();
    const trace = loopTrace();
    finish(store, trace);
    store.getState().command('forward');
    expect(store.getState().step).toBe(1);
    store.getState().command('end');
    expect(store.getState().step).toBe(lastStep(trace));
    store.getState().play(); // from the end: starts over
    expect(store.getState()).toMatchObject({ step: 0, playing: true });
    for (let i = 0; i < trace.steps.count + 5; i++) store.getState().tick();
    expect(store.getState()).toMatchObject({ step: lastStep(trace), playing: false });
  });

  it('does nothing without a trace, and remembers a wanted step', () => {
    const { store } = setup();
    store.getState().command('forward');
    store.getState().play();
    expect(store.getState()).toMatchObject({ step: 0, playing: false });
    store.getState().goTo({ step: 4, eventEnd: null });
    finish(store);
    expect(store.getState().step).toBe(4);
  });

  it('clamps the speed and shows the whole step when leaving event stepping', () => {
    const { store } = setup();
    finish(store);
    store.getState().setSpeedIndex(99);
    expect(store.getState().speedIndex).toBe(5);
    store.getState().setSpeedIndex(-3);
    expect(store.getState().speedIndex).toBe(0);
    store.getState().setGranularity('event');
    const trace = store.getState().trace!;
    const busy = Array.from({ length: trace.steps.count }, (_, i) => i).find(
      (i) => (trace.steps.eventStart[i + 1] ?? 0) - (trace.steps.eventStart[i] ?? 0) >= 2,
    ) as number;
    store.getState().goTo({ step: busy - 1, eventEnd: null });
    store.getState().command('forward');
    store.getState().command('forward');
    expect(store.getState()).toMatchObject({
      step: busy,
      eventEnd: (trace.steps.eventStart[busy] as number) + 1,
    });
    store.getState().setGranularity('step');
    expect(store.getState().eventEnd).toBeNull();
  });

  it("stops at an unanswered Predict's moment while playing, and moves on once answered", () => {
    const { store } = setup();
    const stop: PredictStop = {
      id: 'first-values',
      programId: 'bug',
      target: 'x86_64',
      leftover: 'runtime-data',
      moment: 'call-return',
    };
    const unregister = store.getState().registerStop(stop);
    const trace = loopTrace();
    finish(store, trace);
    const at = findMoment(trace, 'call-return') as number;
    expect(stopSteps(store.getState())).toEqual([{ id: 'first-values', step: at }]);
    store.getState().play();
    for (let i = 0; i < trace.steps.count; i++) store.getState().tick();
    expect(store.getState()).toMatchObject({ step: at, playing: false, pendingPredict: 'first-values' });
    store.getState().resolvePredict('first-values');
    unregister(); // answered: the lesson no longer asks
    store.getState().play();
    for (let i = 0; i < trace.steps.count; i++) store.getState().tick();
    expect(store.getState()).toMatchObject({ step: lastStep(trace), pendingPredict: null });
  });

  it('stops a step-over that would jump past a question', () => {
    const { store } = setup();
    store.getState().registerStop({
      id: 'q',
      programId: 'bug',
      target: 'x86_64',
      leftover: 'runtime-data',
      moment: 'callee-write',
    });
    const trace = loopTrace();
    finish(store, trace);
    store.getState().command('end');
    expect(store.getState().pendingPredict).toBeNull(); // "end" is a jump, not a walk
    store.getState().command('start');
    store.getState().command('out');
    expect(store.getState().step).toBe(findMoment(trace, 'callee-write'));
    expect(store.getState().pendingPredict).toBe('q');
  });

  it('ignores questions about another program or another leftover', () => {
    const { store } = setup();
    store.getState().registerStop({
      id: 'a',
      programId: 'other',
      target: 'x86_64',
      leftover: 'runtime-data',
      moment: 'call',
    });
    store
      .getState()
      .registerStop({ id: 'b', programId: 'bug', target: 'x86_64', leftover: 'zero', moment: 'call' });
    finish(store);
    expect(stopSteps(store.getState())).toEqual([]);
  });

  it("lands on a question's moment when asked, also when its run is still to come", () => {
    const { store } = setup();
    store
      .getState()
      .registerStop({ id: 'q', programId: 'bug', target: 'x86_64', leftover: 'zero', moment: 'first-print' });
    store.getState().setLeftover('zero');
    store.getState().requestStop('q');
    expect(store.getState().wantedStop).toBe('q');
    const trace = loopTrace();
    finish(store, trace);
    expect(store.getState()).toMatchObject({
      step: findMoment(trace, 'first-print'),
      pendingPredict: 'q',
      wantedStop: null,
    });
  });
});

describe('the settings slice', () => {
  it('switches the language without touching the run or the place', () => {
    const { store } = setup();
    const trace = loopTrace();
    finish(store, trace);
    store.getState().goTo({ step: 7, eventEnd: null });
    const runs = store.getState().runSeq;
    store.getState().setLocale('zh');
    expect(store.getState()).toMatchObject({ locale: 'zh', step: 7, trace, runSeq: runs });
    store.getState().setTheme('contrast');
    expect(store.getState().theme).toBe('contrast');
  });
});
