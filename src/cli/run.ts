/**
 * `sim run --cpp LIB.cpp --codon MAIN.codon [--target x86_64|aarch64] [--max-steps N] [--leftover NAME]`:
 * runs the Codon program against the C++ library on the simulated machine and prints the run's
 * summary as one JSON object. Exit 0 whatever the program did; 2 for bad arguments or a missing file.
 */
import type { Target } from '../sim/abi/ctype';
import { LEFTOVERS, type Leftover } from '../sim/machine/machine';
import { DEFAULT_MAX_STEPS } from '../sim/run/api';
import { runProgram } from '../sim/run/index';
import { decodeUtf8, readError, type CommandIo } from './io';

const USAGE =
  'usage: sim run --cpp LIB.cpp --codon MAIN.codon [--target x86_64|aarch64] [--max-steps N] [--leftover zero|runtime-data|gc-object|stale-stack]';

interface RunArgs {
  cpp: string;
  codon: string;
  target: Target;
  maxSteps: number;
  leftover: Leftover;
}

function parseArgs(args: string[]): RunArgs | { error: string } | { help: true } {
  const out: Partial<RunArgs> = { target: 'x86_64', maxSteps: DEFAULT_MAX_STEPS, leftover: 'runtime-data' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--help' || a === '-h') return { help: true };
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '--cpp':
      case '--codon': {
        const v = value();
        if (v === undefined || v === '') return { error: `'${flag}' needs a file` };
        out[flag === '--cpp' ? 'cpp' : 'codon'] = v;
        break;
      }
      case '--target': {
        const v = value();
        if (v !== 'x86_64' && v !== 'aarch64')
          return { error: `unknown target '${v ?? ''}' (use x86_64 or aarch64)` };
        out.target = v;
        break;
      }
      case '--max-steps': {
        const v = value();
        const n = Number(v);
        if (v === undefined || !Number.isInteger(n) || n < 1)
          return { error: `'--max-steps' needs a positive whole number` };
        out.maxSteps = n;
        break;
      }
      case '--leftover': {
        const v = value();
        if (!LEFTOVERS.includes(v as Leftover))
          return { error: `unknown leftover '${v ?? ''}' (use ${LEFTOVERS.join(', ')})` };
        out.leftover = v as Leftover;
        break;
      }
      default:
        return { error: `unknown argument '${a}'` };
    }
  }
  if (out.cpp === undefined) return { error: 'no C++ file given (--cpp)' };
  if (out.codon === undefined) return { error: 'no Codon file given (--codon)' };
  return out as RunArgs;
}

/** The `run` command. */
export function runCommand(args: string[], io: CommandIo): number {
  const parsed = parseArgs(args);
  if ('help' in parsed) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`sim run: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const sources: string[] = [];
  for (const path of [parsed.cpp, parsed.codon]) {
    try {
      sources.push(decodeUtf8(io.readFile(path)));
    } catch (e) {
      io.stderr(`sim run: ${readError(path, e)}\n`);
      return 2;
    }
  }
  const base = (p: string) => p.split(/[\\/]/).pop() ?? p;
  const result = runProgram({
    cpp: sources[0] as string,
    codon: sources[1] as string,
    target: parsed.target,
    leftover: parsed.leftover,
    maxSteps: parsed.maxSteps,
    files: { cpp: base(parsed.cpp), codon: base(parsed.codon) },
    // The JSON is the summary: the same run, without recording a trace nobody will scrub.
    record: 'summary',
  });
  io.stdout(JSON.stringify(result.summary, null, 2) + '\n');
  return 0;
}
