// The handout's registry, filled by the widgets as the lesson text mounts (their effects run in the
// text's order) and read once their runs have finished, by which time every widget has registered.
import type { Moment } from '../player/moments';
import { runKey, type HandoutRun } from './run-pool';

export class HandoutRegistry {
  private readonly owners = new Map<string, string[]>();
  private readonly asked = new Map<string, { moment: Moment; questionId: string }[]>();
  private readonly coders = new Map<string, string[]>();

  /** `owner` shows `run`; returns the undo. */
  claimRun(run: HandoutRun, owner: string): () => void {
    return add(this.owners, runKey(run), owner);
  }

  /** The first widget that claimed the run, or null. */
  runOwner(run: HandoutRun): string | null {
    return this.owners.get(runKey(run))?.[0] ?? null;
  }

  /** A question stops at `moment` of `run`; returns the undo. */
  askMoment(run: HandoutRun, moment: Moment, questionId: string): () => void {
    return add(this.asked, runKey(run), { moment, questionId });
  }

  askedMoments(run: HandoutRun): { moment: Moment; questionId: string }[] {
    return [...(this.asked.get(runKey(run)) ?? [])];
  }

  /** `owner` prints the program's code (the first claimant does; later ones refer to it); returns the undo. */
  claimCode(programId: string, owner: string): () => void {
    return add(this.coders, programId, owner);
  }

  /** The widget that prints the program's code, or null when none does. */
  codeOwner(programId: string): string | null {
    return this.coders.get(programId)?.[0] ?? null;
  }
}

function add<T>(map: Map<string, T[]>, key: string, item: T): () => void {
  const list = map.get(key) ?? [];
  list.push(item);
  map.set(key, list);
  return () => {
    const at = list.indexOf(item);
    if (at >= 0) list.splice(at, 1);
  };
}
