// The embed's side of the postMessage API (protocol.ts): applies the commands of an allowed parent to the
// player store, and reports step changes, runs and findings, and the page's height. Nothing but a valid
// command from the parent window, from an allowed origin, changes anything.
import { formatMessage } from '../sim/messages/format';
import { lastStep } from '../app/player/stepping';
import { lineAt, sideAt } from '../app/player/trace-index';
import type { PlayerStore } from '../app/store/player-store';
import {
  makeEvent,
  originAllowed,
  parseCommand,
  type EmbedCommand,
  type EventBody,
  type EmbedLeftover,
  type EmbedTarget,
} from './protocol';
import { stepCount } from '../sim/trace/reader.ts';

/** How long the embed waits after a run command for more before it runs (a burst arrives within it). */
export const COALESCE_MS = 16;

/** The heights the embed's layout is made for: it fits any frame between them (README's 720 px snippet). */
export const EMBED_MIN_HEIGHT = 480;
export const EMBED_MAX_HEIGHT = 720;

/**
 * The height to ask the host for: the layout fills its frame, so what it can use is its frame's height
 * brought into the range it is made for (a 2,000 px frame is asked to shrink to 720; a 300 px one to grow).
 */
export function usableHeight(frameHeight: number): number {
  return Math.max(EMBED_MIN_HEIGHT, Math.min(EMBED_MAX_HEIGHT, Math.ceil(frameHeight)));
}

export interface BridgeOptions {
  /** The embed's `id` parameter, echoed in every event. */
  id: string;
  origins: readonly string[];
  restricted: boolean;
  /** The window that may drive the embed (the parent; null when the page is not framed). */
  parent: Window | null;
  /** Where messages arrive (the embed's own window). */
  self: Window;
  /** The element whose height the parent is told. */
  root: HTMLElement | null;
}

type Body = EventBody extends infer E ? (E extends EventBody ? Omit<E, 'embedId'> : never) : never;

/** Connects the store to the parent page; returns the function that disconnects. */
export function connectBridge(store: PlayerStore, options: BridgeOptions): () => void {
  const { parent, self } = options;
  if (!parent || parent === self) return () => {};
  const post = (body: Body) => {
    const event = makeEvent({ ...body, embedId: options.id } as EventBody);
    if (!options.restricted) parent.postMessage(event, '*');
    // One post per allowed origin: the browser delivers only the one matching the parent's origin.
    else for (const origin of options.origins) parent.postMessage(event, origin);
  };

  // Commands that start a new run (target, leftover, code) are gathered and applied together once the
  // burst is over: a parent that sends 2,000 of them in a row gets one run of the newest state, not a
  // worker restarted 2,000 times. Commands in between that read or move the player wait for it.
  let pending: { target?: EmbedTarget; leftover?: EmbedLeftover; cpp?: string; codon?: string } | null = null;
  let queued: EmbedCommand[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const run = pending;
    pending = null;
    if (run !== null) {
      // The code first, as if typed (saved under the embed's own storage namespace; its re-run waits
      // the editing pause), then target and leftover in one update, whose immediate run replaces the
      // waiting one: the whole burst is one run.
      if (run.cpp !== undefined && run.cpp !== store.getState().code.cpp)
        store.getState().editCode('cpp', run.cpp);
      if (run.codon !== undefined && run.codon !== store.getState().code.codon)
        store.getState().editCode('codon', run.codon);
      store.setState({
        ...(run.target !== undefined ? { target: run.target } : {}),
        ...(run.leftover !== undefined ? { leftover: run.leftover } : {}),
      });
    }
    const later = queued;
    queued = [];
    for (const command of later) applyNow(command);
  };

  const apply = (command: EmbedCommand) => {
    switch (command.type) {
      case 'set-target':
        pending = { ...pending, target: command.target };
        break;
      case 'set-leftover':
        pending = { ...pending, leftover: command.leftover };
        break;
      case 'load-code':
        pending = {
          ...pending,
          ...(command.cpp !== undefined ? { cpp: command.cpp } : {}),
          ...(command.codon !== undefined ? { codon: command.codon } : {}),
        };
        break;
      default:
        if (pending === null) applyNow(command);
        else queued.push(command);
        return;
    }
    // The burst is over when no run command has come for a frame's time.
    clearTimeout(timer);
    timer = setTimeout(flush, COALESCE_MS);
  };

  const applyNow = (command: EmbedCommand) => {
    const s = store.getState();
    switch (command.type) {
      case 'step':
        s.command(command.direction);
        return;
      case 'play':
        s.play();
        return;
      case 'pause':
        s.pause();
        return;
      case 'goto':
        s.goTo({ step: command.step, eventEnd: null });
        return;
      case 'set-theme':
        s.setTheme(command.theme);
        return;
      case 'get-state':
        post(stateBody(store));
        return;
      case 'set-target':
      case 'set-leftover':
      case 'load-code':
        apply(command);
        return;
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent) return;
    if (!originAllowed(event.origin, options.origins, options.restricted)) return;
    const command = parseCommand(event.data);
    if (command) apply(command);
  };
  self.addEventListener('message', onMessage);

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.trace && (s.step !== prev.step || s.trace !== prev.trace)) {
      post({
        type: 'step',
        step: s.step,
        lastStep: lastStep(s.trace),
        side: sideAt(s.trace, s.step),
        line: lineAt(s.trace, s.step) || null,
      });
    }
    if (s.verdict && s.verdict !== prev.verdict) {
      const trace = s.verdict.outcome && s.trace && s.traceInput?.code === s.verdict.code ? s.trace : null;
      post({
        type: 'run',
        outcome: s.verdict.outcome,
        target: s.verdict.target as EmbedTarget,
        compiled: trace !== null,
        diagnostics: s.verdict.diagnostics.length,
        steps: trace ? stepCount(trace) : 0,
      });
      post({
        type: 'findings',
        findings: (trace?.findings ?? []).map((f) => ({
          kind: f.kind,
          step: f.step,
          message: formatMessage(f.message, s.locale),
        })),
      });
    }
  });

  let lastHeight = -1;
  const observer =
    options.root && typeof ResizeObserver !== 'undefined'
      ? new ResizeObserver(() => {
          const height = usableHeight(options.root?.scrollHeight ?? 0);
          if (height !== lastHeight) {
            lastHeight = height;
            post({ type: 'resize', height });
          }
        })
      : null;
  if (observer && options.root) observer.observe(options.root);

  return () => {
    clearTimeout(timer);
    self.removeEventListener('message', onMessage);
    unsubscribe();
    observer?.disconnect();
  };
}

/** Tells the parent which program the embed shows, once it is loaded. */
export function announceReady(store: PlayerStore, options: BridgeOptions) {
  const { parent, self } = options;
  if (!parent || parent === self) return;
  const s = store.getState();
  const event = makeEvent({
    type: 'ready',
    embedId: options.id,
    lesson: s.lessonId ?? '',
    program: s.programId ?? '',
  });
  if (!options.restricted) parent.postMessage(event, '*');
  else for (const origin of options.origins) parent.postMessage(event, origin);
}

function stateBody(store: PlayerStore): Body {
  const s = store.getState();
  return {
    type: 'state',
    lesson: s.lessonId,
    program: s.programId,
    step: s.step,
    lastStep: s.trace ? lastStep(s.trace) : 0,
    playing: s.playing,
    target: s.target as EmbedTarget,
    theme: s.theme,
  };
}
