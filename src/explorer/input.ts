/**
 * The learner's two fields as C++: the definitions (optional) and the return type are placed in one
 * small translation unit, `<definitions>\n<type>\nprobe();`, which the simulator's C++ front end reads.
 * Its diagnostics are moved back onto the field and column the learner typed. Checks that need no
 * parser (empty, too long, a `;` or a definition inside the type) run first, with their own messages.
 */
import { parseCpp } from '../sim/cpp/index.ts';
import type { CType } from '../sim/abi/index.ts';

/** What the learner typed. */
export interface ExplorerInput {
  /** The return type, one line: `std::array<double, 4>`. */
  type: string;
  /** Declarations the type may name: `struct Vec3 { double x, y, z; };`. */
  definitions: string;
}

export type Field = 'type' | 'definitions';

/** What is wrong, by kind; `detail` carries the front end's or the ABI code's own sentence (English). */
export type ProblemCode =
  | 'empty'
  | 'too-long'
  | 'newline'
  | 'defines-type'
  | 'extra-declaration'
  | 'directive'
  | 'c-array'
  | 'returns-array'
  | 'function-type'
  | 'cpp'
  | 'no-type'
  | 'too-large'
  | 'no-layout';

/** A located problem: 1-based line and column in one of the two fields, end column exclusive. */
export interface Problem {
  code: ProblemCode;
  field: Field;
  line: number;
  column: number;
  endColumn: number;
  detail: string;
}

/** The longest type and definitions the explorer reads (the front end is fast, but typing is not a file). */
export const MAX_TYPE_CHARS = 300;
export const MAX_DEFINITIONS_CHARS = 4000;

/** The name of the function the explorer declares; messages that mention it are rewritten. */
const PROBE = 'probe';

/**
 * The headers of every standard type the simulator models, included before the learner's text: the
 * explorer is about the types, so it does not ask for `#include` lines (g++ would).
 */
const PRELUDE = ['array', 'complex', 'cstddef', 'cstdint', 'memory', 'optional', 'string', 'string_view']
  .concat(['tuple', 'utility', 'vector'])
  .map((h) => `#include <${h}>\n`)
  .join('');
const PRELUDE_LINES = PRELUDE.split('\n').length - 1;

export type ParsedType = { ok: true; type: CType } | { ok: false; problems: Problem[] };

function problem(
  code: ProblemCode,
  field: Field,
  at: { line?: number; column: number; endColumn?: number },
  detail = '',
): Problem {
  const line = at.line ?? 1;
  return {
    code,
    field,
    line,
    column: at.column,
    endColumn: Math.max(at.endColumn ?? 0, at.column + 1),
    detail,
  };
}

/** Problems visible in the text alone, before any parsing. */
function precheck(input: ExplorerInput): Problem[] {
  const { type, definitions } = input;
  if (definitions.length > MAX_DEFINITIONS_CHARS)
    return [problem('too-long', 'definitions', { column: 1 }, String(MAX_DEFINITIONS_CHARS))];
  if (type.length > MAX_TYPE_CHARS)
    return [problem('too-long', 'type', { column: MAX_TYPE_CHARS + 1 }, String(MAX_TYPE_CHARS))];
  const newline = type.search(/[\r\n]/);
  if (newline >= 0) return [problem('newline', 'type', { column: newline + 1 })];
  if (type.trim() === '') return [problem('empty', 'type', { column: 1, endColumn: type.length + 1 })];
  const hash = type.indexOf('#');
  if (hash >= 0) return [problem('directive', 'type', { column: hash + 1 })];
  const brace = type.indexOf('{');
  if (brace >= 0) return [problem('defines-type', 'type', { column: brace + 1 })];
  const semi = type.indexOf(';');
  if (semi >= 0) return [problem('extra-declaration', 'type', { column: semi + 1 })];
  const trimmedEnd = type.trimEnd();
  if (trimmedEnd.endsWith(']')) {
    const open = trimmedEnd.lastIndexOf('[');
    return [
      problem(
        'c-array',
        'type',
        { column: (open >= 0 ? open : trimmedEnd.length - 1) + 1, endColumn: trimmedEnd.length + 1 },
        trimmedEnd.slice(0, open >= 0 ? open : undefined).trim(),
      ),
    ];
  }
  return [];
}

/** The front end's sentence, with the explorer's own function name taken out. */
function cleanMessage(message: string): string {
  return message
    .replace(` before '${PROBE}'`, ' at the end of the type')
    .replace(` of '${PROBE}'`, '')
    .replace(`'${PROBE}'`, 'the function');
}

/**
 * Reads the two fields as C++ and returns the type the learner wrote, or located problems.
 * Never throws.
 */
export function parseReturnType(input: ExplorerInput): ParsedType {
  const early = precheck(input);
  if (early.length > 0) return { ok: false, problems: early };
  const definitionLines = input.definitions.split('\n').length;
  const typeLine = definitionLines + 1;
  const source = `${PRELUDE}${input.definitions}\n${input.type}\n${PROBE}();\n`;
  const { unit, diagnostics } = parseCpp(source, 'explorer.cpp');
  const typeEnd = input.type.trimEnd().length + 1;
  const located = (
    line: number,
    column: number,
    endLine: number | undefined,
    endColumn: number | undefined,
    atEndOfFile: boolean,
  ) => {
    line -= PRELUDE_LINES;
    if (endLine !== undefined) endLine -= PRELUDE_LINES;
    if (line < 1) return { field: 'type' as const, line: 1, column: 1, endColumn: typeEnd + 1 };
    if (line <= definitionLines) {
      const end = endLine === line && endColumn !== undefined ? endColumn : column + 1;
      return { field: 'definitions' as const, line, column, endColumn: Math.max(end, column + 1) };
    }
    if (line === typeLine) {
      const col = Math.min(column, typeEnd);
      const end = endLine === line && endColumn !== undefined ? Math.min(endColumn, typeEnd + 1) : col + 1;
      return { field: 'type' as const, line: 1, column: col, endColumn: Math.max(end, col + 1) };
    }
    // Past the type, at `probe();` or the end of the file. Something left open in the definitions
    // (a struct, a namespace) swallows the type; otherwise the type itself stopped short.
    if (atEndOfFile && input.definitions.trim() !== '') {
      const lines = input.definitions.split('\n');
      const last = lines[lines.length - 1] ?? '';
      return {
        field: 'definitions' as const,
        line: lines.length,
        column: last.length + 1,
        endColumn: last.length + 2,
      };
    }
    return { field: 'type' as const, line: 1, column: typeEnd, endColumn: typeEnd + 1 };
  };
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors.map((d) => {
        const at = located(
          d.line,
          d.column,
          d.endLine,
          d.endColumn,
          d.message.endsWith('at the end of the file'),
        );
        return { code: 'cpp', ...at, detail: cleanMessage(d.message) };
      }),
    };
  }
  const fn = unit.functions.find(
    (f) =>
      f.qualifiedName === PROBE &&
      f.span.start.line === PRELUDE_LINES + typeLine + 1 &&
      f.params.length === 0,
  );
  if (!fn)
    return {
      ok: false,
      problems: [problem('no-type', 'type', { column: 1, endColumn: typeEnd })],
    };
  const t = fn.returnType;
  if (t.kind === 'array')
    return { ok: false, problems: [problem('returns-array', 'type', { column: 1, endColumn: typeEnd })] };
  if (t.kind === 'function')
    return { ok: false, problems: [problem('function-type', 'type', { column: 1, endColumn: typeEnd })] };
  return { ok: true, type: t };
}
