/**
 * Helpers for the front end's tests: run the front end on a snippet and read back what matters,
 * in a small vocabulary (`errorsOf`, `exprOf`, `sexpr`), so each test states one fact.
 * Pure functions with no test-framework imports.
 */
import { typeToString } from '../abi/typeToString';
import type { Diagnostic } from '../diag';
import type { Expr, FunctionDecl, Init, Stmt, TranslationUnit } from './ast';
import { parseCpp } from './index';
import { typeName } from './sema/types';

export interface Checked {
  unit: TranslationUnit;
  diagnostics: Diagnostic[];
}

export function check(src: string): Checked {
  return parseCpp(src, 't.cpp');
}

/** Diagnostics as `line:column severity: message` strings. */
export function messages(src: string, severity?: Diagnostic['severity']): string[] {
  return check(src)
    .diagnostics.filter((d) => !severity || d.severity === severity)
    .map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`);
}

/** Only the errors, as `line:column message`. */
export function errorsOf(src: string): string[] {
  return check(src)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.line}:${d.column} ${d.message}`);
}

export function fn(c: Checked, name: string): FunctionDecl {
  const f = c.unit.functions.find((x) => x.qualifiedName === name || x.name === name);
  if (!f)
    throw new Error(
      `no function '${name}' (have: ${c.unit.functions.map((x) => x.qualifiedName).join(', ')})`,
    );
  return f;
}

/** The statements of a function's body. */
export function bodyOf(c: Checked, name: string): Stmt[] {
  return fn(c, name).body?.stmts ?? [];
}

/**
 * Type-checks `expr` as the last statement of a function whose body starts with `decls`, and
 * returns the typed expression.
 */
export function exprOf(decls: string, expr: string, prelude = ''): { expr: Expr; errors: string[] } {
  const src = `${prelude}\nvoid __probe() {\n${decls}\n${expr};\n}\n`;
  const c = check(src);
  const stmts = bodyOf(c, '__probe');
  const last = stmts[stmts.length - 1];
  const errors = c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  if (!last || last.kind !== 'expr')
    return {
      expr: {
        kind: 'error',
        type: { kind: 'void' },
        category: 'prvalue',
        span: { start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } },
      },
      errors,
    };
  return { expr: last.expr, errors };
}

/** The C++ type of an expression, as a learner reads it. */
export function typeOf(decls: string, expr: string, prelude = ''): string {
  const r = exprOf(decls, expr, prelude);
  if (r.errors.length) return `error: ${r.errors.join('; ')}`;
  return typeToString(r.expr.type);
}

/**
 * An S-expression of a typed expression, showing structure and conversions: loads of variables are
 * left out (`x` not `(load x)`) unless `loads` is set; other conversions show as `(conversion e)`.
 */
export function sexpr(e: Expr, loads = false): string {
  const s = (x: Expr): string => sexpr(x, loads);
  switch (e.kind) {
    case 'int-literal':
      return e.value.toString();
    case 'float-literal':
      return String(e.value);
    case 'bool-literal':
      return String(e.value);
    case 'string-literal':
      return JSON.stringify(e.value);
    case 'nullptr':
      return 'nullptr';
    case 'var-ref':
      return e.variable.name;
    case 'function-ref':
      return e.function.name;
    case 'enumerator':
      return e.name;
    case 'this':
      return 'this';
    case 'member':
      return `(. ${s(e.object)} ${e.field.name})`;
    case 'cast':
      if (e.conversion === 'lvalue-to-rvalue' && !loads) return s(e.operand);
      return `(${e.implicit ? '' : e.style + ':'}${e.conversion} ${s(e.operand)})`;
    case 'unary':
      return `(${e.op} ${s(e.operand)})`;
    case 'deref':
      return `(* ${s(e.operand)})`;
    case 'address-of':
      return `(& ${s(e.operand)})`;
    case 'inc-dec':
      return e.prefix ? `(${e.op} ${s(e.operand)})` : `(${s(e.operand)} ${e.op})`;
    case 'binary':
    case 'logical':
      return `(${e.op} ${s(e.left)} ${s(e.right)})`;
    case 'pointer-arith':
      return `(ptr${e.op} ${s(e.pointer)} ${s(e.offset)})`;
    case 'pointer-diff':
      return `(ptr- ${s(e.left)} ${s(e.right)})`;
    case 'assign':
      return `(= ${s(e.target)} ${s(e.value)})`;
    case 'compound-assign':
      return `(${e.op}= ${s(e.target)} ${s(e.value)})`;
    case 'record-assign':
      return `(record= ${s(e.target)} ${s(e.source)})`;
    case 'conditional':
      return `(? ${s(e.cond)} ${s(e.then)} ${s(e.else)})`;
    case 'comma':
      return `(, ${s(e.left)} ${s(e.right)})`;
    case 'call':
      return `(call ${e.function.name}${e.args.map((a) => ' ' + initStr(a, loads)).join('')})`;
    case 'indirect-call':
      return `(call* ${s(e.callee)}${e.args.map((a) => ' ' + initStr(a, loads)).join('')})`;
    case 'method-call':
      return `(${e.method.name} ${s(e.object)}${e.args.map((a) => ' ' + initStr(a, loads)).join('')})`;
    case 'std-method':
      return `(${e.std}::${e.method} ${s(e.object)}${e.args.map((a) => ' ' + s(a)).join('')})`;
    case 'builtin-call':
      return `(${e.builtin}${e.typeArgs.map((t) => ` <${typeToString(t)}>`).join('')}${e.args.map((a) => ' ' + s(a)).join('')})`;
    case 'stream-output':
      return `(${e.stream}${e.items.map((i) => ' ' + (i.kind === 'endl' ? 'endl' : s(i.expr))).join('')})`;
    case 'sizeof':
      return `(${e.align ? 'alignof' : 'sizeof'} ${typeToString(e.of)})`;
    case 'new':
      return `(new ${typeToString(e.allocated)}${e.count ? ' [' + s(e.count) + ']' : ''}${e.init ? ' ' + initStr(e.init, loads) : ''})`;
    case 'delete':
      return `(delete${e.array ? '[]' : ''} ${s(e.operand)})`;
    case 'materialize':
      return `(temp ${s(e.expr)})`;
    case 'temporary':
      return `(${typeToString(e.type)} ${initStr(e.init, loads)})`;
    case 'error':
      return '<error>';
  }
}

/** An Init in the same notation. */
export function initStr(i: Init, loads = false): string {
  switch (i.kind) {
    case 'default':
      return i.ctor ? `{default ${i.ctor.name}}` : '{default}';
    case 'zero':
      return '{zero}';
    case 'expr':
      return sexpr(i.expr, loads);
    case 'copy':
      return `{${i.move ? 'move' : 'copy'}${i.std ? ' ' + i.std : ''}${i.ctor ? ' ' + i.ctor.name : ''} ${sexpr(i.source, loads)}}`;
    case 'ctor':
      return `{${i.ctor.name}${i.args.map((a) => ' ' + initStr(a, loads)).join('')}}`;
    case 'aggregate':
      return `{${i.elements.map((x) => initStr(x, loads)).join(' ')}}`;
    case 'bind':
      return `{bind ${sexpr(i.expr, loads)}}`;
    case 'string':
      return `{string ${JSON.stringify(i.literal.value)}}`;
    case 'std-ctor':
      return `{${i.std}${i.args.map((a) => ' ' + sexpr(a, loads)).join('')}}`;
  }
}

/** The init of the local variable `name` in function `f`, in the S-expression notation. */
export function localInit(src: string, f: string, name: string): string {
  const c = check(src);
  const v = fn(c, f).locals.find((x) => x.name === name);
  if (!v) throw new Error(`no local '${name}' in '${f}'`);
  return v.init ? initStr(v.init) : 'none';
}

/** The declared type of a local variable. */
export function localType(src: string, f: string, name: string): string {
  const c = check(src);
  const v = fn(c, f).locals.find((x) => x.name === name);
  if (!v) throw new Error(`no local '${name}' in '${f}'`);
  return typeName(v.type);
}
