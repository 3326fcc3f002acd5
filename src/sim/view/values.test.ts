import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from '../run/index.ts';
import { stepCount } from '../trace/reader.ts';
import type { Trace } from '../trace/types.ts';
import { regionAt } from './areas.ts';
import { buildScene } from './scene.ts';
import type { SceneCell } from './types.ts';

const BUG = join(import.meta.dirname, '../../../content/lessons/02-the-bug/programs/bug');

function bug(target: Target): Trace {
  const { trace } = runProgram({
    cpp: readFileSync(join(BUG, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(BUG, 'main.codon'), 'utf8'),
    target,
  });
  if (trace === null) throw new Error('no trace');
  return trace;
}

function cellsOf(trace: Trace, step: number): { object: string; cell: SceneCell }[] {
  return buildScene(trace, step).objects.flatMap((o) =>
    o.rows.flatMap((r) => (r.cell === null ? [] : [{ object: o.name, cell: r.cell }])),
  );
}

function expectHexAddress(text: string | null | undefined) {
  expect(text).toMatch(/^0x[0-9a-f]+$/);
}

describe('addresses in the snapshot read in hex', () => {
  it.each(['x86_64', 'aarch64'] as const)('%s: no cell shows a mapped address in decimal', (target) => {
    const trace = bug(target);
    for (let s = 0; s < stepCount(trace); s++) {
      for (const { object, cell } of cellsOf(trace, s)) {
        for (const text of [cell.text, cell.staleWas]) {
          if (text === null || !/^\d{6,}$/.test(text)) continue;
          expect(regionAt(trace, Number(text)), `${object}.${cell.path} at step ${s}: ${text}`).toBeNull();
        }
      }
    }
  });

  it("the loader's list head and the start-up frame's saved pointers are hex", () => {
    const trace = bug('x86_64');
    const cells = cellsOf(trace, 0);
    expectHexAddress(cells.find((c) => c.cell.path === '_dl_ns[0]._ns_loaded')?.cell.text);
    const saved = cells.filter((c) => c.object.startsWith('GC_init') && c.cell.path === 'saved');
    expect(saved.length).toBeGreaterThan(0);
    for (const c of saved) expectHexAddress(c.cell.text);
    // A count stays a number.
    expect(cells.find((c) => c.cell.path === '_dl_ns[0]._ns_nloaded')?.cell.text).toBe('5');
  });
});
