/**
 * `sim abi FILE.cpp [--target x86_64|aarch64]`: for each function the file declares, its symbol
 * (what a dynamic loader looks up) and where its return value travels, as the classifier the
 * running machine uses decides it. Prints one JSON object; exit 2 only for bad arguments.
 */
import type { CType, EightbyteClass, Target } from '../sim/abi/ctype';
import { classifyReturn, tryAbi } from '../sim/abi/index';
import type { FunctionDecl } from '../sim/cpp/ast';
import { parseCpp } from '../sim/cpp/index';
import { typeName } from '../sim/cpp/sema/types';
import type { Diagnostic } from '../sim/diag';
import { decodeUtf8, readError, type CommandIo } from './io';

/**
 * One function of the report. `eightbytes` is the classifier's list, except that a value passed in
 * memory is reported as the single class `MEMORY` (psABI 3.2.3: the whole argument is then in
 * memory), as the example shows for `std::array<double, 4>`.
 */
export interface AbiFunction {
  name: string;
  line: number;
  linkage: 'C' | 'C++';
  symbol: string;
  /** The return type as written, aliases resolved. */
  returnType: string;
  size: number | null;
  align: number | null;
  trivialForCalls: boolean | null;
  convention: string | null;
  eightbytes: EightbyteClass[] | null;
  hfa: { base: string; count: number } | null;
}

export interface AbiReport {
  target: Target;
  functions: AbiFunction[];
  diagnostics: Pick<Diagnostic, 'severity' | 'file' | 'line' | 'column' | 'message'>[];
}

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

/** The report for one file's source text (exported for tests and tools that have the text already). */
export function abiReport(source: string, file: string, target: Target): AbiReport {
  const { unit, diagnostics } = parseCpp(source, file);
  const extra: Diagnostic[] = [];
  const functions = unit.functions.map((f) => describeFunction(f, target, extra));
  if (functions.length === 0) {
    extra.push({
      severity: 'warning',
      file,
      line: 1,
      column: 1,
      message:
        source.trim() === ''
          ? 'the file is empty: it declares no functions'
          : 'the file declares no functions',
    });
  }
  const all = [...diagnostics, ...extra].sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    target,
    functions,
    diagnostics: all.map((d) => ({
      severity: d.severity,
      file: d.file,
      line: d.line,
      column: d.column,
      message: d.message,
    })),
  };
}

function describeFunction(f: FunctionDecl, target: Target, extra: Diagnostic[]): AbiFunction {
  const base = {
    name: f.qualifiedName,
    line: f.span.start.line,
    linkage: f.linkage,
    symbol: f.symbol,
    returnType: typeName(f.returnType),
  };
  const r = tryAbi(() => classifyReturn(f.returnType as CType, target));
  if (!r.ok) {
    extra.push({
      severity: 'error',
      file: '',
      line: f.span.start.line,
      column: f.span.start.column,
      message: `cannot classify the return type of '${f.qualifiedName}' on ${target}: ${r.message}`,
    });
    return {
      ...base,
      size: null,
      align: null,
      trivialForCalls: null,
      convention: null,
      eightbytes: null,
      hfa: null,
    };
  }
  const c = r.value;
  return {
    ...base,
    size: f.returnType.kind === 'void' ? 0 : c.size,
    align: c.align,
    trivialForCalls: c.trivialForCalls,
    convention: c.convention,
    eightbytes:
      c.eightbytes && c.eightbytes.length > 0 && c.eightbytes.every((e) => e === 'MEMORY')
        ? ['MEMORY']
        : c.eightbytes,
    hfa: c.hfa,
  };
}

/** The `abi` command. */
export function abiCommand(args: string[], io: CommandIo): number {
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
  const report = abiReport(decodeUtf8(bytes), parsed.file, parsed.target);
  for (const d of report.diagnostics) if (d.file === '') d.file = parsed.file;
  io.stdout(JSON.stringify(report, null, 2) + '\n');
  return 0;
}
