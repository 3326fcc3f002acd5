/**
 * `sim run --cpp LIB.cpp --codon MAIN.codon [--target x86_64|aarch64] [--max-steps N] [--timeout S]
 * [--leftover NAME] [--evidence]`: runs the Codon program against the C++ library on the simulated
 * machine and prints the run's summary as one JSON object, with `stdoutIndeterminate`: the spans of
 * stdout that depend on bytes the simulator invents (docs/TRACE.md, section 7); with `--evidence`,
 * plus an `evidence` field: the leftover registers at each foreign call, where the hidden result
 * pointer and the return address point (region and object), in the shape `npm run real` prints for
 * the real run (oracle/README.md). Exit 0 whatever the program did, including a run the
 * host's limits stopped (limits.ts); 2 for bad arguments or a missing or refused file; 1 for an
 * internal error of the simulator (still with one JSON object).
 */
import type { Target } from '../sim/abi/ctype';
import { LEFTOVERS, type Leftover } from '../sim/machine/machine';
import { DEFAULT_MAX_STEPS, type RunSummary } from '../sim/run/api';
import { decodeUtf8, readError, type CommandIo } from './io';
import type { HostOutcome } from './job';
import { DEFAULT_TIMEOUT_S, LIMITS_HELP, MAX_STEPS_CAP, MAX_TIMEOUT_S, parseWholeNumber } from './limits';

export const RUN_USAGE =
  'usage: sim run --cpp LIB.cpp --codon MAIN.codon [--target x86_64|aarch64] [--max-steps N] [--timeout S] [--leftover zero|runtime-data|gc-object|stale-stack] [--evidence]';

interface RunArgs {
  cpp: string;
  codon: string;
  target: Target;
  maxSteps: number;
  timeoutS: number;
  leftover: Leftover;
  evidence: boolean;
}

function parseArgs(args: string[]): RunArgs | { error: string } | { help: true } {
  const out: Partial<RunArgs> = {
    target: 'x86_64',
    maxSteps: DEFAULT_MAX_STEPS,
    timeoutS: DEFAULT_TIMEOUT_S,
    leftover: 'runtime-data',
    evidence: false,
  };
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
        const n = parseWholeNumber(v, 1, MAX_STEPS_CAP);
        if (!n.ok)
          return {
            error: `'--max-steps' needs a decimal whole number from 1 to ${MAX_STEPS_CAP} (got '${v ?? ''}')`,
          };
        out.maxSteps = n.value;
        break;
      }
      case '--timeout': {
        const v = value();
        const n = parseWholeNumber(v, 1, MAX_TIMEOUT_S);
        if (!n.ok)
          return {
            error: `'--timeout' needs a decimal whole number of seconds from 1 to ${MAX_TIMEOUT_S} (got '${v ?? ''}')`,
          };
        out.timeoutS = n.value;
        break;
      }
      case '--leftover': {
        const v = value();
        if (!LEFTOVERS.includes(v as Leftover))
          return { error: `unknown leftover '${v ?? ''}' (use ${LEFTOVERS.join(', ')})` };
        out.leftover = v as Leftover;
        break;
      }
      case '--evidence':
        if (inline !== undefined) return { error: `'--evidence' takes no value` };
        out.evidence = true;
        break;
      default:
        return { error: `unknown argument '${a}'` };
    }
  }
  if (out.cpp === undefined) return { error: 'no C++ file given (--cpp)' };
  if (out.codon === undefined) return { error: 'no Codon file given (--codon)' };
  return out as RunArgs;
}

/**
 * The summary of a run the host stopped, in the run's usual shape: a `runtime-error` whose error says
 * which host limit was hit. The worker was stopped from outside, so the program's output and step
 * count are lost: `steps` is 0 and `stdout` empty, and the error's file is `runtime`, line 0.
 */
export function hostStoppedSummary(outcome: Exclude<HostOutcome, { kind: 'done' }>): RunSummary {
  return {
    outcome: 'runtime-error',
    stdout: '',
    crash: null,
    error: {
      type: outcome.kind === 'host-limit' ? 'SimulatorLimit' : 'SimulatorError',
      message:
        outcome.kind === 'host-limit'
          ? outcome.message
          : `internal error of the simulator: ${outcome.message}`,
      file: 'runtime',
      line: 0,
    },
    findings: [],
    diagnostics: [],
    steps: 0,
  };
}

/** The `run` command. */
export async function runCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('help' in parsed) {
    io.stdout(`${RUN_USAGE}\n\n${LIMITS_HELP}\n`);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`sim run: ${parsed.error}\n${RUN_USAGE}\n`);
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
  const outcome = await io.simulate(
    {
      kind: 'run',
      input: {
        cpp: sources[0] as string,
        codon: sources[1] as string,
        target: parsed.target,
        leftover: parsed.leftover,
        maxSteps: parsed.maxSteps,
        files: { cpp: base(parsed.cpp), codon: base(parsed.codon) },
        // The JSON says which parts of stdout the real machine may print differently.
        indeterminate: true,
      },
      evidence: parsed.evidence,
    },
    parsed.timeoutS * 1000,
  );
  if (outcome.kind !== 'done') {
    io.stdout(JSON.stringify(hostStoppedSummary(outcome), null, 2) + '\n');
    return outcome.kind === 'host-limit' ? 0 : 1;
  }
  if (outcome.result.kind !== 'run')
    throw new Error(`a run job answered with a ${outcome.result.kind} result`);
  const { summary, evidence } = outcome.result;
  io.stdout(JSON.stringify(evidence === undefined ? summary : { ...summary, evidence }, null, 2) + '\n');
  return 0;
}
