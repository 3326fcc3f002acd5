import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from './io';
import { simulateHere } from './perform';
import { main } from './sim';

const BUG = 'content/lessons/02-the-bug/programs/bug';

/** Runs the CLI in-process against the real files; returns exit status, parsed stdout and stderr. */
async function sim(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CommandIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readFile: (p) => readFileSync(p),
    simulate: simulateHere,
  };
  const code = await main(argv, io);
  return { code, json: out === '' ? null : (JSON.parse(out) as Record<string, unknown>), err };
}

describe('sim run', () => {
  it('prints the run summary of the original bug', async () => {
    const r = await sim('run', '--cpp', `${BUG}/lib.cpp`, '--codon', `${BUG}/main.codon`);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ outcome: 'ok', stdout: '1.5 2.5 3.5 4.5\n'.repeat(3) });
    expect((r.json?.findings as { kind: string }[]).map((f) => f.kind)).toContain('abi-mismatch');
  });

  it('with --evidence adds where the leftover and the return address point, and nothing without it', async () => {
    const files = ['--cpp', `${BUG}/lib.cpp`, '--codon', `${BUG}/main.codon`];
    const plain = await sim('run', ...files);
    expect(plain.json).not.toHaveProperty('evidence');
    const r = await sim('run', ...files, '--evidence');
    expect(r.code).toBe(0);
    // Additive: the summary's fields are the same as without the flag.
    const { evidence, ...summary } = r.json as Record<string, unknown>;
    expect(summary).toEqual(plain.json);
    const ev = evidence as {
      leftoverRegister: string;
      calls: { symbol: string; returnAddress: { region: string } | null }[];
      first: { symbol: string | null } | null;
    };
    expect(ev.leftoverRegister).toBe('rdi');
    expect(ev.calls.map((c) => c.symbol)).toEqual(['foo', 'foo', 'foo']);
    // The first call's %rdi is the loader's lock (runtime-data); each return lands in the Codon text.
    expect(ev.first?.symbol).toBe('_rtld_global._dl_load_lock');
    for (const c of ev.calls) expect(c.returnAddress?.region).toBe('text');
    const bad = await sim('run', ...files, '--evidence=yes');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("'--evidence' takes no value");
  });

  it('marks the stdout the real machine may print differently', async () => {
    const quad = 'content/lessons/10-traps/programs/array4-tuple';
    const r = await sim('run', '--cpp', `${quad}/lib.cpp`, '--codon', `${quad}/main.codon`);
    expect(r.json).toMatchObject({ outcome: 'ok', stdout: '4.5 0 nan nan\n' });
    // r.b is whatever %xmm1 held: nothing in either program set it.
    expect(r.json?.stdoutIndeterminate).toEqual([{ kind: 'value', start: 4, end: 5, sources: ['register'] }]);
    const bug = await sim('run', '--cpp', `${BUG}/lib.cpp`, '--codon', `${BUG}/main.codon`);
    expect(bug.json?.stdoutIndeterminate).toEqual([]);
  });

  it('honours --leftover, --target and --max-steps', async () => {
    const zero = await sim(
      'run',
      '--cpp',
      `${BUG}/lib.cpp`,
      '--codon',
      `${BUG}/main.codon`,
      '--leftover',
      'zero',
    );
    expect(zero.json).toMatchObject({
      outcome: 'crash',
      crash: { signal: 'SIGSEGV', address: '0x0', file: 'lib.cpp' },
    });
    const short = await sim(
      'run',
      '--cpp',
      `${BUG}/lib.cpp`,
      '--codon',
      `${BUG}/main.codon`,
      '--max-steps',
      '5',
    );
    expect(short.json).toMatchObject({ outcome: 'step-limit', steps: 5 });
    const arm = await sim(
      'run',
      '--cpp',
      `${BUG}/lib.cpp`,
      '--codon',
      `${BUG}/main.codon`,
      '--target=aarch64',
    );
    expect((arm.json?.findings as { kind: string }[]).map((f) => f.kind)).not.toContain('stray-write');
  });

  it('exits 2 with a message for bad arguments and missing files', async () => {
    expect((await sim('run', '--cpp', `${BUG}/lib.cpp`)).code).toBe(2);
    expect((await sim('run', '--cpp', 'missing.cpp', '--codon', `${BUG}/main.codon`)).err).toMatch(
      /no such file/,
    );
    expect(
      (await sim('run', '--cpp', `${BUG}/lib.cpp`, '--codon', `${BUG}/main.codon`, '--leftover', 'maybe'))
        .code,
    ).toBe(2);
  });
});
