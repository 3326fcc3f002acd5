/**
 * The report of `sim abi`: for each function a C++ file declares, its symbol and where its return
 * value travels, as the classifier the running machine uses decides it. Runs in the simulation worker
 * (a hostile file must not hold the command line), so it imports the front end; abi.ts does not.
 */
import type { CType, EightbyteClass, Target } from '../sim/abi/ctype';
import { classifyReturn, tryAbi } from '../sim/abi/index';
import type { FunctionDecl } from '../sim/cpp/ast';
import { parseCpp } from '../sim/cpp/index';
import { typeName } from '../sim/cpp/sema/types';
import type { Diagnostic } from '../sim/diag';

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
