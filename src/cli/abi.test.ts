import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AbiFunction, AbiReport } from './abi';
import { nodeIo, type CommandIo } from './io';
import { simulateHere } from './perform';
import { main } from './sim';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Runs the tool in-process; returns the exit status, the parsed stdout (if any) and stderr. */
async function sim(...argv: string[]): Promise<{ code: number; report: AbiReport | null; stderr: string }> {
  let out = '';
  let err = '';
  const io: CommandIo = {
    ...nodeIo,
    simulate: simulateHere,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  };
  const code = await main(argv, io);
  return { code, report: out ? (JSON.parse(out) as AbiReport) : null, stderr: err };
}

async function functions(file: string, target = 'x86_64'): Promise<Record<string, AbiFunction>> {
  const r = await sim('abi', fixture(file), '--target', target);
  expect(r.code).toBe(0);
  return Object.fromEntries((r.report?.functions ?? []).map((f) => [f.name, f]));
}

describe('sim abi on the original bug', () => {
  it('prints exactly the shape of the issue for x86-64', async () => {
    const r = await sim('abi', fixture('bug.cpp'));
    expect(r.code).toBe(0);
    expect(r.report).toEqual({
      target: 'x86_64',
      functions: [
        {
          name: 'foo',
          line: 6,
          linkage: 'C',
          symbol: 'foo',
          returnType: 'std::array<double, 4>',
          size: 32,
          align: 8,
          trivialForCalls: true,
          convention: 'sret',
          eightbytes: ['MEMORY'],
          hfa: null,
        },
      ],
      diagnostics: [],
    });
  });

  it('reports the homogeneous aggregate on AArch64', async () => {
    const f = (await functions('bug.cpp', 'aarch64')).foo;
    expect(f).toMatchObject({ convention: 'd0-d3', eightbytes: null, hfa: { base: 'double', count: 4 } });
  });
});

describe('sim abi conventions (checked against g++ 12 -O2 -S on both targets)', () => {
  it.each([
    ['nothing', 'void', 'void'],
    ['pointer', 'rax', 'x0'],
    ['scalar', 'xmm0', 'd0'],
    ['extended', 'x87', 'q0'],
    ['pair', 'xmm0:xmm1', 'd0-d1'],
    ['mixed', 'rax+xmm0', 'x0:x1'],
    ['three', 'sret', 'd0-d2'],
    ['empty', 'void', 'x0'],
    ['floats', 'xmm0:xmm1', 's0-s3'],
    ['array2', 'xmm0:xmm1', 'd0-d1'],
    ['array4', 'sret', 'd0-d3'],
    ['shared', 'sret', 'x8-indirect'],
    ['integer', 'rax', 'x0'],
  ])('%s returns in %s on x86-64 and %s on AArch64', async (name, x86, a64) => {
    expect((await functions('returns.cpp'))[name]?.convention).toBe(x86);
    expect((await functions('returns.cpp', 'aarch64'))[name]?.convention).toBe(a64);
  });

  it('says shared_ptr is not trivial for calls', async () => {
    expect((await functions('returns.cpp')).shared).toMatchObject({
      trivialForCalls: false,
      size: 16,
      eightbytes: ['MEMORY'],
    });
  });

  it('gives void a size of 0', async () => {
    expect((await functions('returns.cpp')).nothing).toMatchObject({ size: 0, returnType: 'void' });
  });
});

describe('sim abi declarations', () => {
  it('lists functions in source order, merging a declaration with its definition and keeping overloads apart', async () => {
    const r = await sim('abi', fixture('decls.cpp'));
    expect(r.report?.functions.map((f) => [f.name, f.line, f.linkage, f.symbol])).toEqual([
      ['foo', 4, 'C++', '_Z3foov'],
      ['lab::scale', 7, 'C++', '_ZN3lab5scaleEPdl'],
      ['lab::scale', 8, 'C++', '_ZN3lab5scaleEPdld'],
      ['pair_of_doubles', 17, 'C', 'pair_of_doubles'],
    ]);
  });

  it('prints the return type with aliases resolved', async () => {
    expect((await functions('decls.cpp')).pair_of_doubles?.returnType).toBe('std::array<double, 2>');
  });
});

describe('sim abi on bad input (exit 0, diagnostics in the JSON)', () => {
  it('reports syntax errors, unknown types and unsupported constructs with the file name', async () => {
    const file = fixture('errors.cpp');
    const r = await sim('abi', file);
    expect(r.code).toBe(0);
    expect(r.report?.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`)).toEqual([
      "5:30 error: expected ';' after the declaration of 'bar'",
      "10:1 error: unknown type 'Widget'",
      '13:5 error: `goto` is not modelled by this simulator',
      "14:12 error: unknown name 'baz'",
    ]);
    expect(r.report?.diagnostics.every((d) => d.file === file)).toBe(true);
    expect(r.report?.functions.map((f) => f.name)).toEqual(['foo', 'bad']);
  });

  it('reports a file that is not C++ at all, and says what it looks like', async () => {
    const notes: Record<string, string> = {
      'image.png': 'this file does not look like C++ source text: it contains bytes that are not UTF-8 text',
      'not-cpp.py': 'this file looks like Python or Codon code, not C++',
    };
    for (const [name, note] of Object.entries(notes)) {
      const r = await sim('abi', fixture(name));
      expect(r.code).toBe(0);
      expect(r.report?.functions).toEqual([]);
      expect(r.report?.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      expect(r.report?.diagnostics.find((d) => d.severity === 'note')?.message).toBe(note);
    }
  });

  it('says an empty file declares nothing', async () => {
    const r = await sim('abi', fixture('empty.cpp'));
    expect(r.code).toBe(0);
    expect(r.report).toEqual({
      target: 'x86_64',
      functions: [],
      diagnostics: [
        {
          severity: 'warning',
          file: fixture('empty.cpp'),
          line: 1,
          column: 1,
          message: 'the file is empty: it declares no functions',
        },
      ],
    });
  });

  it('handles a 1 MB file: valid code is listed, garbage is capped at 50 errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-abi-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const good = join(dir, 'big.cpp');
    const unit = (k: number): string =>
      `std::array<double, 4> f${k}(int n) { std::array<double, 4> bar{}; for (int i = 0; i < 4; ++i) bar[i] = 1.5 * (i + n); return bar; }\n`;
    let text = '#include <array>\n';
    for (let k = 0; text.length < 1_000_000; k++) text += unit(k);
    writeFileSync(good, text);
    const ok = await sim('abi', good);
    expect(ok.code).toBe(0);
    expect(ok.report?.functions.length).toBeGreaterThan(5000);
    expect(ok.report?.diagnostics).toEqual([]);
    const bad = join(dir, 'garbage.cpp');
    writeFileSync(bad, '@#$ '.repeat(250_000));
    const r = await sim('abi', bad);
    expect(r.code).toBe(0);
    expect(r.report?.diagnostics.filter((d) => d.severity === 'error').length).toBe(50);
  });
});

describe('sim abi arguments', () => {
  it.each([
    [['abi'], 'no C++ file given'],
    [['abi', 'x.cpp', '--target', 'arm'], "unknown target 'arm'"],
    [['abi', 'x.cpp', '--target'], "'--target' needs a value"],
    [['abi', 'x.cpp', '--fast'], "unknown option '--fast'"],
    [['abi', 'a.cpp', 'b.cpp'], 'only one file can be given'],
    [['abi', '/no/such/file.cpp'], "cannot read '/no/such/file.cpp': no such file"],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('%j exits 2 with a message on stderr', async (argv, message) => {
    const r = await sim(...argv);
    expect(r.code).toBe(2);
    expect(r.report).toBeNull();
    expect(r.stderr).toContain(message);
  });

  it('accepts --target=aarch64', async () => {
    const r = await sim('abi', `--target=aarch64`, fixture('bug.cpp'));
    expect(r.report?.target).toBe('aarch64');
  });
});

describe('sim abi end to end', () => {
  it('runs as npx tsx src/cli/sim.ts and through npm run sim', async () => {
    const direct = await run(
      'npx',
      ['tsx', 'src/cli/sim.ts', 'abi', 'src/cli/fixtures/bug.cpp', '--target', 'aarch64'],
      { cwd: root },
    );
    const report = JSON.parse(direct.stdout) as AbiReport;
    expect(report.functions[0]).toMatchObject({ name: 'foo', convention: 'd0-d3' });
    const viaNpm = await run('npm', ['run', '--silent', 'sim', '--', 'abi', 'src/cli/fixtures/bug.cpp'], {
      cwd: root,
    });
    expect((JSON.parse(viaNpm.stdout) as AbiReport).functions[0]?.convention).toBe('sret');
  });

  it('exits 2 for a missing file', async () => {
    const e = await run('npx', ['tsx', 'src/cli/sim.ts', 'abi', 'missing.cpp'], { cwd: root }).catch(
      (x: { code: number; stderr: string }) => x,
    );
    expect('code' in e ? e.code : 0).toBe(2);
    expect(e.stderr).toContain("cannot read 'missing.cpp'");
  });

  it('keeps the fixture files as they are documented', () => {
    expect(readFileSync(fixture('bug.cpp'), 'utf8')).toContain('std::array<double, 4> foo()');
  });
});
