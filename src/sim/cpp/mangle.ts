/**
 * Itanium C++ ABI name mangling (section 5.1), for the types the front end models: what g++ puts in
 * the symbol table for a function with C++ linkage, and so what a dynamic loader (and Codon's
 * `from C import`) would have to look up.
 *
 * Substitutions (`S_`, `S0_`, ...) follow 5.1.8: every prefix, template name, template-id and
 * non-builtin type is a candidate, numbered in the order its mangling completes; the final name of
 * the function itself is not. Checked against g++ 12 + nm (see mangle.test.ts).
 */
import type { CType, IntName, RecordDecl } from '../abi/ctype';
import type { RefType } from './sema/types';

/** The Itanium ABI's one-letter codes of the builtin integer types (also a template argument's type). */
export const BUILTIN_CODES: Readonly<Record<IntName, string>> = {
  bool: 'b',
  char: 'c',
  'signed char': 'a',
  'unsigned char': 'h',
  short: 's',
  'unsigned short': 't',
  int: 'i',
  'unsigned int': 'j',
  long: 'l',
  'unsigned long': 'm',
  'long long': 'x',
  'unsigned long long': 'y',
  __int128: 'n',
  'unsigned __int128': 'o',
  wchar_t: 'w',
  char16_t: 'Ds',
  char32_t: 'Di',
};

const FLOAT_CODES = { float: 'f', double: 'd', 'long double': 'e' } as const;

/** `<operator-name>` codes of the operator functions the front end accepts. */
const OPERATOR_CODES: Readonly<Record<string, string>> = { 'operator=': 'aS' };

/** What a function's symbol is made of. */
export interface MangleFunctionInput {
  /** Enclosing namespaces, outermost first; '' for an anonymous namespace. */
  namespaces: string[];
  /** Enclosing classes for members, outermost first (a class template instance with its arguments). */
  classes: (string | TemplateIdName)[];
  /** The function's own name (ignored for constructors and destructors). */
  name: string;
  special?: 'ctor' | 'dtor';
  /** A `const` member function. */
  constMethod?: boolean;
  /** Declared `static` at namespace scope (internal linkage): g++ marks the name with `L`. */
  internalStatic?: boolean;
  /** Parameter types as declared (top-level const is not part of the signature and is ignored). */
  params: CType[];
  variadic: boolean;
}

export type TemplateArg =
  { type: CType; const?: boolean } | { value: number; code: string } | { pack: TemplateArg[] };

/** A class template instance or function template name with its arguments: `Buf<double, 4>`. */
export interface TemplateIdName {
  name: string;
  args: TemplateArg[];
}

/**
 * The user class template instances (`Buf<double, 4>` is `3BufIdLi4EE`) and the stand-ins for
 * template parameters in a function template's signature as written (`T` is `T_`, the second
 * parameter `T0_`), by declaration. Keyed by object identity, so nothing outlives its file.
 */
const INSTANCES = new WeakMap<RecordDecl, { namespaces: string[]; id: TemplateIdName }>();
const PARAMS = new WeakMap<RecordDecl, number>();
/** An array bound that stands for template parameter k (`T (&)[N]` is `RAT0__...`): BASE + k. */
export const PARAM_BOUND_BASE = 0xfff00000;

export function registerTemplateInstance(decl: RecordDecl, namespaces: string[], id: TemplateIdName): void {
  INSTANCES.set(decl, { namespaces, id });
}

export function registerTemplateParam(decl: RecordDecl, index: number): void {
  PARAMS.set(decl, index);
}

/** The index of the template parameter a stand-in record or array bound denotes, if it is one. */
export function templateParamIndex(t: CType): number | null {
  if (t.kind === 'record') return PARAMS.get(t.decl) ?? null;
  return null;
}

export function templateInstanceOf(
  decl: RecordDecl,
): { namespaces: string[]; id: TemplateIdName } | undefined {
  return INSTANCES.get(decl);
}

/** `<template-param>`: T_, T0_, T1_... */
function paramRef(k: number): string {
  return k === 0 ? 'T_' : `T${k - 1}_`;
}

/** `<length><identifier>`; the anonymous namespace is `_GLOBAL__N_1` as g++ spells it. */
function sourceName(name: string): string {
  const id = name === '' || name === '(anonymous namespace)' ? '_GLOBAL__N_1' : name;
  return `${id.length}${id}`;
}

/** Substitution sequence ids: S_, S0_, ..., S9_, SA_, ..., SZ_, S10_, ... */
function seqId(index: number): string {
  return index === 0 ? 'S_' : `S${(index - 1).toString(36).toUpperCase()}_`;
}

/** Splits a qualified record or enum name into components (`ns::T` -> ['ns', 'T']), ignoring template arguments. */
function pathOf(qualified: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < qualified.length; i++) {
    const c = qualified[i];
    if (c === '<') depth++;
    else if (c === '>') depth--;
    if (depth === 0 && c === ':' && qualified[i + 1] === ':') {
      out.push(cur);
      cur = '';
      i++;
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.filter((x, k) => !(k === 0 && x === ''));
}

class Mangler {
  private readonly subs: string[] = [];

  private find(key: string): string | null {
    const i = this.subs.indexOf(key);
    return i < 0 ? null : seqId(i);
  }

  private add(key: string): void {
    this.subs.push(key);
  }

  /** A candidate component: reuse a substitution or emit and register it. */
  private candidate(key: string, emit: () => string): string {
    const hit = this.find(key);
    if (hit) return hit;
    const s = emit();
    this.add(key);
    return s;
  }

  /** A type, with a `const` qualifier on it when `isConst`. */
  type(t: CType, isConst = false): string {
    if (isConst && t.kind === 'array') {
      // cv-qualifiers of an array type are those of its elements: `const T[N]` is `AN_KT`.
      return this.candidate(constKey(t), () => `A${arrayBound(t.length)}_` + this.type(t.element, true));
    }
    if (isConst) {
      const key = 'K' + rawKey(t);
      return this.candidate(key, () => 'K' + this.type(t));
    }
    switch (t.kind) {
      case 'void':
        return 'v';
      case 'int':
        return BUILTIN_CODES[t.name];
      case 'float':
        return FLOAT_CODES[t.name];
      case 'complex':
        return this.candidate(rawKey(t), () => 'C' + FLOAT_CODES[t.element.name]);
      case 'vector':
        return this.candidate(rawKey(t), () => `Dv${t.length}_${FLOAT_CODES[t.element.name]}`);
      case 'pointer':
        return this.candidate(rawKey(t), () => 'P' + this.type(t.pointee, Boolean(t.pointeeConst)));
      case 'reference':
        return this.candidate(
          rawKey(t),
          () => (t.rvalue ? 'O' : 'R') + this.type(t.referent, Boolean((t as RefType).referentConst)),
        );
      case 'array':
        return this.candidate(rawKey(t), () => `A${arrayBound(t.length)}_` + this.type(t.element));
      case 'function':
        return this.candidate(
          rawKey(t),
          () => 'F' + this.type(t.returnType) + this.bareParams(t.params, t.variadic) + 'E',
        );
      case 'enum':
        return this.userName(pathOf(t.name));
      case 'record': {
        const param = PARAMS.get(t.decl);
        if (param !== undefined) return this.candidate(paramRef(param), () => paramRef(param));
        const inst = INSTANCES.get(t.decl);
        if (inst) return this.templateName(inst.namespaces, inst.id);
        return t.decl.std ? this.stdRecord(t.decl) : this.userName(pathOf(t.decl.name));
      }
    }
  }

  /** A class template instance `N2ns3BufIdLi4EEE`: the template name and the template-id are candidates. */
  private templateName(namespaces: string[], id: TemplateIdName): string {
    const full = instanceKey(namespaces, id);
    const hit = this.find(full);
    if (hit) return hit;
    const out = this.prefixWithTemplate(namespaces, id);
    this.add(full);
    return namespaces.length > 0 ? `N${out}E` : out;
  }

  /** Namespace components, then the template name (each a candidate), then `I<args>E`. */
  private prefixWithTemplate(namespaces: string[], id: TemplateIdName): string {
    let out = '';
    let key = '';
    for (const comp of [...namespaces, id.name]) {
      key += sourceName(comp);
      const sub = this.find(key);
      if (sub) out = sub;
      else {
        out += sourceName(comp);
        this.add(key);
      }
    }
    return out + 'I' + id.args.map((a) => this.templateArg(a)).join('') + 'E';
  }

  /** A function template instance's `<name>` (`3addIdE`, `N2ns2idIdEE`): its template-id is not a candidate. */
  functionTemplateName(namespaces: string[], id: TemplateIdName): string {
    const out = this.prefixWithTemplate(namespaces, id);
    return namespaces.length > 0 ? `N${out}E` : out;
  }

  /** A class or enum outside std: `1S`, `N2ns1TE`, with prefix substitutions. */
  private userName(path: string[]): string {
    const fullKey = path.map(sourceName).join('');
    const hit = this.find(fullKey);
    if (hit) return hit;
    let out = '';
    let key = '';
    for (const comp of path) {
      key += sourceName(comp);
      const sub = this.find(key);
      if (sub) out = sub;
      else {
        out += sourceName(comp);
        this.add(key);
      }
    }
    return path.length > 1 ? `N${out}E` : out;
  }

  /** A std class template instance: `St5arrayIdLm4EE`, `NSt7__cxx1112basic_string...E`. */
  private stdRecord(decl: RecordDecl): string {
    return this.stdName(stdNameOf(decl));
  }

  private stdName(name: StdName): string {
    const key = stdKey(name);
    const hit = this.find(key);
    if (hit) return hit;
    let out = '';
    if (name.abbrev) out = name.abbrev;
    else {
      let prefixKey = 'St';
      out = 'St';
      for (const comp of name.path) {
        prefixKey += sourceName(comp);
        const sub = this.find(prefixKey);
        if (sub) out = sub;
        else {
          out += sourceName(comp);
          this.add(prefixKey);
        }
      }
    }
    if (name.args.length > 0) out += 'I' + name.args.map((x) => this.templateArg(x)).join('') + 'E';
    this.add(key);
    return name.path.length > 1 ? `N${out}E` : out;
  }

  templateArg(arg: TemplateArg | { std: StdName }): string {
    if ('std' in arg) return this.stdName(arg.std);
    if ('pack' in arg) return 'J' + arg.pack.map((x) => this.templateArg(x)).join('') + 'E';
    if ('value' in arg) {
      // A template parameter used as an argument (`std::array<T, N>` in a signature): `XT0_E`.
      if (isParamBound(arg.value)) return `X${paramRef(arg.value - PARAM_BOUND_BASE)}E`;
      return `L${arg.code}${arg.value < 0 ? 'n' + -arg.value : arg.value}E`;
    }
    return this.type(arg.type, arg.const);
  }

  /** `<bare-function-type>` without a return type: `v` for no parameters, `z` for `...`. */
  bareParams(params: CType[], variadic: boolean): string {
    if (params.length === 0) return variadic ? 'z' : 'v';
    return params.map((p) => this.type(p)).join('') + (variadic ? 'z' : '');
  }

  /** The function's `<name>` (prefix components are candidates, its own name is not). */
  functionName(f: MangleFunctionInput): string {
    const prefix = [...f.namespaces, ...f.classes];
    const own =
      f.special === 'ctor'
        ? 'C1'
        : f.special === 'dtor'
          ? 'D1'
          : (OPERATOR_CODES[f.name] ?? sourceName(f.name));
    const last = f.internalStatic ? 'L' + own : own;
    if (prefix.length === 0) return last;
    let out = '';
    let key = '';
    for (const comp of prefix) {
      key += sourceName(typeof comp === 'string' ? comp : comp.name);
      const sub = this.find(key);
      if (sub) out = sub;
      else {
        out += sourceName(typeof comp === 'string' ? comp : comp.name);
        this.add(key);
      }
      if (typeof comp !== 'string') {
        // A class template instance: its template-id is a candidate after its name.
        key += 'I' + comp.args.map(argKey).join('') + 'E';
        const idSub = this.find(key);
        if (idSub) out = idSub;
        else {
          out += 'I' + comp.args.map((a) => this.templateArg(a)).join('') + 'E';
          this.add(key);
        }
      }
    }
    return `N${f.constMethod ? 'K' : ''}${out}${last}E`;
  }
}

interface StdName {
  /** Components after `std::`. */
  path: string[];
  args: (TemplateArg | { std: StdName })[];
  /** A standard abbreviation replacing `St<name>` (`Sa` for std::allocator); not itself a candidate. */
  abbrev?: string;
}

function stdKey(name: StdName): string {
  const head = name.abbrev ?? 'St' + name.path.map(sourceName).join('');
  if (name.args.length === 0) return head;
  return head + 'I' + name.args.map(argKey).join('') + 'E';
}

function argKey(arg: TemplateArg | { std: StdName }): string {
  if ('std' in arg) return stdKey(arg.std);
  if ('pack' in arg) return 'J' + arg.pack.map(argKey).join('') + 'E';
  if ('value' in arg)
    return isParamBound(arg.value)
      ? `X${paramRef(arg.value - PARAM_BOUND_BASE)}E`
      : `L${arg.code}${arg.value}E`;
  return (arg.const ? 'K' : '') + rawKey(arg.type);
}

/** The unsubstituted mangling of a type, used as its substitution key. */
function rawKey(t: CType): string {
  switch (t.kind) {
    case 'void':
      return 'v';
    case 'int':
      return BUILTIN_CODES[t.name];
    case 'float':
      return FLOAT_CODES[t.name];
    case 'complex':
      return 'C' + FLOAT_CODES[t.element.name];
    case 'vector':
      return `Dv${t.length}_${FLOAT_CODES[t.element.name]}`;
    case 'pointer':
      return 'P' + (t.pointeeConst ? constKey(t.pointee) : rawKey(t.pointee));
    case 'reference':
      return (
        (t.rvalue ? 'O' : 'R') + ((t as RefType).referentConst ? constKey(t.referent) : rawKey(t.referent))
      );
    case 'array':
      return `A${arrayBound(t.length)}_` + rawKey(t.element);
    case 'function':
      return (
        'F' +
        rawKey(t.returnType) +
        (t.params.length ? t.params.map(rawKey).join('') : 'v') +
        (t.variadic ? 'z' : '') +
        'E'
      );
    case 'enum':
      return pathOf(t.name).map(sourceName).join('');
    case 'record': {
      const param = PARAMS.get(t.decl);
      if (param !== undefined) return paramRef(param);
      const inst = INSTANCES.get(t.decl);
      if (inst) return instanceKey(inst.namespaces, inst.id);
      return t.decl.std ? stdKey(stdNameOf(t.decl)) : pathOf(t.decl.name).map(sourceName).join('');
    }
  }
}

/** The key of `const t`: the const goes on the elements of an array. */
function constKey(t: CType): string {
  return t.kind === 'array' ? `A${arrayBound(t.length)}_` + constKey(t.element) : 'K' + rawKey(t);
}

function instanceKey(namespaces: string[], id: TemplateIdName): string {
  return [...namespaces, id.name].map(sourceName).join('') + 'I' + id.args.map(argKey).join('') + 'E';
}

/** Whether a number stands for a template parameter (see PARAM_BOUND_BASE). */
export function isParamBound(n: number): boolean {
  return n >= PARAM_BOUND_BASE && n < PARAM_BOUND_BASE + 256;
}

/** An array bound: the length, empty when unknown, or the template parameter it stands for. */
function arrayBound(length: number): string {
  if (isParamBound(length)) return paramRef(length - PARAM_BOUND_BASE);
  return length > 0 ? String(length) : '';
}

/** How libstdc++ names each modelled std class, default template arguments included. */
function stdNameOf(decl: RecordDecl): StdName {
  const std = decl.std;
  if (!std) return { path: pathOf(decl.name), args: [] };
  const a = (k: number): CType => {
    const x = std.args[k];
    return typeof x === 'number' || x === undefined ? { kind: 'void' } : x;
  };
  const n = (k: number): number => {
    const x = std.args[k];
    return typeof x === 'number' ? x : 0;
  };
  const char: CType = { kind: 'int', name: 'char' };
  const charTraits: StdName = { path: ['char_traits'], args: [{ type: char }] };
  const allocatorOf = (t: CType): StdName => ({ path: ['allocator'], args: [{ type: t }], abbrev: 'Sa' });
  switch (std.kind) {
    case 'array':
      return { path: ['array'], args: [{ type: a(0) }, { value: n(1), code: 'm' }] };
    case 'pair':
      return { path: ['pair'], args: [{ type: a(0) }, { type: a(1) }] };
    case 'tuple':
      return {
        path: ['tuple'],
        args: [
          { pack: std.args.map((x) => (typeof x === 'number' ? { value: x, code: 'i' } : { type: x })) },
        ],
      };
    case 'optional':
      return { path: ['optional'], args: [{ type: a(0) }] };
    case 'complex':
      return { path: ['complex'], args: [{ type: a(0) }] };
    case 'string_view':
      return { path: ['basic_string_view'], args: [{ type: char }, { std: charTraits }] };
    case 'string':
      return {
        path: ['__cxx11', 'basic_string'],
        args: [{ type: char }, { std: charTraits }, { std: allocatorOf(char) }],
      };
    case 'vector':
      return { path: ['vector'], args: [{ type: a(0) }, { std: allocatorOf(a(0)) }] };
    case 'unique_ptr':
      return {
        path: ['unique_ptr'],
        args: [{ type: a(0) }, { std: { path: ['default_delete'], args: [{ type: a(0) }] } }],
      };
    case 'shared_ptr':
      return { path: ['shared_ptr'], args: [{ type: a(0) }] };
    case 'control_block':
      return { path: ['_Sp_counted_base'], args: [] };
  }
}

/** The Itanium-mangled symbol of a function (`_Z3foov`, `_ZN2ns3fooEv`, `_ZNK1S3getEv`). */
export function mangleFunction(f: MangleFunctionInput): string {
  const m = new Mangler();
  const name = m.functionName(f);
  return '_Z' + name + m.bareParams(f.params, f.variadic);
}

/**
 * The symbol of a function template instance: its name with the template arguments, then the return
 * type and parameter types as the template writes them (template parameters as `T_`, `T0_`...):
 * `template<typename T> T add(T, T)` at `double` is `_Z3addIdET_S0_S0_` (g++ 12 + nm).
 */
export function mangleFunctionTemplate(f: {
  namespaces: string[];
  id: TemplateIdName;
  returnType: CType;
  params: CType[];
  variadic: boolean;
}): string {
  const m = new Mangler();
  const name = m.functionTemplateName(f.namespaces, f.id);
  return '_Z' + name + m.type(f.returnType) + m.bareParams(f.params, f.variadic);
}

/** The mangled name of a namespace-scope variable or static data member (`_ZN2ns1xE`); plain at global scope. */
export function mangleVariable(namespaces: string[], classes: string[], name: string): string {
  const prefix = [...namespaces, ...classes];
  if (prefix.length === 0) return name;
  return '_ZN' + prefix.map(sourceName).join('') + sourceName(name) + 'E';
}
