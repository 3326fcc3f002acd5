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
  type EmbedTarget,
} from './protocol';
import { stepCount } from '../sim/trace/reader.ts';

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

  const apply = (command: EmbedCommand) => {
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
      case 'set-target':
        s.setTarget(command.target);
        return;
      case 'set-theme':
        s.setTheme(command.theme);
        return;
      case 'load-code': {
        // As if typed: saved under the embed's own storage namespace, re-run like any edit.
        if (command.cpp !== undefined) s.editCode('cpp', command.cpp);
        if (command.codon !== undefined) store.getState().editCode('codon', command.codon);
        return;
      }
      case 'get-state':
        post(stateBody(store));
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
          const height = Math.ceil(options.root?.scrollHeight ?? 0);
          if (height !== lastHeight) {
            lastHeight = height;
            post({ type: 'resize', height });
          }
        })
      : null;
  if (observer && options.root) observer.observe(options.root);

  return () => {
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
