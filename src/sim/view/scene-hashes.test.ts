/**
 * Every scene of every lesson program is what it was when the hashes were written (issue 15: the view
 * model's move keeps every lesson step's scene identical). A change that changes what a learner sees
 * must say so by rewriting the file in the same commit, with the reason:
 * `SCENE_HASHES=write npx vitest run src/sim/view/scene-hashes.test.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { HASH_FILE, programRuns, runHash } from '../../../scripts/scene-hashes.ts';

const writing = process.env.SCENE_HASHES === 'write';
const committed: Record<string, string> = existsSync(HASH_FILE)
  ? (JSON.parse(readFileSync(HASH_FILE, 'utf8')) as Record<string, string>)
  : {};
const computed: Record<string, string> = {};

function expectSameScenes(key: string, got: string): void {
  expect(got, `the scenes of ${key} changed`).toBe(committed[key]);
}

describe('scenes of the lesson programs', () => {
  const runs = programRuns();
  afterAll(() => {
    if (writing) writeFileSync(HASH_FILE, `${JSON.stringify(computed, null, 2)}\n`);
  });
  it.skipIf(writing)('covers every run the hash file names, and no other', () => {
    expect(runs.map((r) => r.key).sort()).toEqual(Object.keys(committed).sort());
  });
  it.each(runs)('$key', (r) => {
    const { hash, scenes, traced } = runHash(r);
    computed[r.key] = hash;
    if (traced) expect(scenes).toBeGreaterThan(0);
    if (!writing) expectSameScenes(r.key, hash);
  });
});
