/**
 * `sim abi FILE.cpp [--target x86_64|aarch64]`: for each function the file declares, its symbol
 * (what a dynamic loader looks up) and where its return value travels, as the classifier the
 * running machine uses decides it. Prints one JSON object; exit 2 only for bad arguments.
 */
import type { Target } from '../sim/abi/ctype';
import { decodeUtf8, readError, type CommandIo } from './io';
import { DEFAULT_TIMEOUT_S } from './limits';

export type { AbiFunction, AbiReport } from './abi-report';

const TARGETS: readonly Target[] = ['x86_64', 'aarch64'];
const USAGE = 'usage: sim abi FILE.cpp [--target x86_64|aarch64]';

type Parsed = { file: string; target: Target } | { error: string } | { help: true };

function parseArgs(args: string[]): Parsed {
  let file: string | undefined;
  let target: Target = 'x86_64';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--help' || a === '-h') return { help: true };
    if (a === '--target' || a.startsWith('--target=')) {
      const value = a === '--target' ? args[++i] : a.slice('--target='.length);
      if (value === undefined || value === '')
        return { error: "'--target' needs a value: x86_64 or aarch64" };
      if (!TARGETS.includes(value as Target))
        return { error: `unknown target '${value}' (use x86_64 or aarch64)` };
      target = value as Target;
      continue;
    }
    if (a.startsWith('-') && a !== '-') return { error: `unknown option '${a}'` };
    if (file !== undefined) return { error: `only one file can be given ('${file}' and '${a}')` };
    file = a;
  }
  if (file === undefined) return { error: 'no C++ file given' };
  return { file, target };
}

/** The `abi` command. */
export async function abiCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('help' in parsed) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`sim abi: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(parsed.file);
  } catch (e) {
    io.stderr(`sim abi: ${readError(parsed.file, e)}\n`);
    return 2;
  }
  const job = { kind: 'abi', source: decodeUtf8(bytes), file: parsed.file, target: parsed.target } as const;
  const outcome = await io.simulate(job, DEFAULT_TIMEOUT_S * 1000);
  if (outcome.kind !== 'done') {
    // The report has no field for "no answer": a host limit is a refusal of this file, like a missing one.
    io.stderr(`sim abi: no report for '${parsed.file}': ${outcome.message}\n`);
    return outcome.kind === 'host-limit' ? 2 : 1;
  }
  const { result } = outcome;
  if (result.kind !== 'abi') throw new Error(`an abi job answered with a ${result.kind} result`);
  io.stdout(JSON.stringify(result.report, null, 2) + '\n');
  return 0;
}
