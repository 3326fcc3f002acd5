/**
 * What `dlopen` finds (dlopen.ts), each case checked with the oracle's real run (`npm run real`):
 * a bare name is searched for in the system's library directories only; the program's library is
 * ./libfoo.so.
 */
import { describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from './dlopen.ts';
import { runProgram } from './index.ts';

const LIB = 'extern "C" long bar() { return 7; }\n';

function expectOpens(path: string, kind: OpenedLibrary['kind']): void {
  expect(openLibrary(path, 'x86_64').kind, path).toBe(kind);
}

function run(path: string, symbol = 'bar', decl = '() -> int', call = 'bar()') {
  const codon = `LIBRARY = "${path}"\nfrom C import LIBRARY.${symbol}${decl}\nprint(${call})\n`;
  return runProgram({ cpp: LIB, codon, target: 'x86_64', record: 'summary' }).summary;
}

describe('dlopen of the path a Codon import names', () => {
  it('opens the program library only through a path with a slash to ./libfoo.so', () => {
    expectOpens('./libfoo.so', 'program');
    expectOpens('././libfoo.so', 'program');
    expectOpens('libfoo.so', 'missing');
    expectOpens('libhello.so', 'missing');
    expectOpens('./libhello.so', 'missing');
    expectOpens('../dl2/libfoo.so', 'missing');
  });

  it('opens the system libraries by their bare names and their paths', () => {
    expectOpens('libc.so.6', 'system');
    expectOpens('libm.so.6', 'system');
    expectOpens('/lib/x86_64-linux-gnu/libc.so.6', 'system');
    expectOpens('/tmp/libc.so.6', 'missing');
  });

  it("raises the CError glibc's message gives for a library it cannot find (oracle: the same)", () => {
    const s = run('libhello.so');
    expect(s.outcome).toBe('runtime-error');
    expect(s.error).toMatchObject({
      type: 'CError',
      message: 'libhello.so: cannot open shared object file: No such file or directory',
      line: 2,
    });
  });

  it('runs the library through ./libfoo.so (oracle: 7)', () => {
    expect(run('./libfoo.so')).toMatchObject({ outcome: 'ok', stdout: '7\n' });
  });

  it("finds libc's functions through libc.so.6 but not the program library's (oracle: 3, then undefined symbol)", () => {
    expect(run('libc.so.6', 'strlen', '(cobj) -> int', 'strlen("four".c_str())')).toMatchObject({
      outcome: 'ok',
      stdout: '4\n',
    });
    const s = run('libc.so.6');
    expect(s.outcome).toBe('runtime-error');
    // glibc names the file the loader found (oracle, x86-64).
    expect(s.error).toMatchObject({
      type: 'CError',
      message: '/lib/x86_64-linux-gnu/libc.so.6: undefined symbol: bar',
    });
  });
});
