/**
 * Scopes and the entities names denote. Lookup walks from the innermost block out to the
 * global namespace, as C++ unqualified lookup does (class members are found from member functions).
 */
import type { CType } from '../../abi/ctype';
import type { EnumInfo, FieldInfo, FunctionDecl, RecordInfo, VarDecl } from '../ast';
import type { TemplateInfo } from './templates';

export type Entity =
  /** A type name: class, enum, `using`/`typedef` alias (`const` when the alias names a const type). */
  | { kind: 'type'; type: CType; const: boolean; record?: RecordInfo; enumInfo?: EnumInfo }
  | { kind: 'var'; decl: VarDecl }
  /** An overload set. */
  | { kind: 'functions'; decls: FunctionDecl[] }
  | { kind: 'namespace'; scope: NamespaceScope }
  | { kind: 'enumerator'; value: bigint; type: CType; name: string }
  | { kind: 'field'; field: FieldInfo; record: RecordInfo }
  /** `using std::name;` at this scope: the name denotes the std entity. */
  | { kind: 'std-alias'; name: string }
  /** A function or class template, instantiated on use. */
  | { kind: 'template'; template: TemplateInfo };

export type ScopeKind = 'namespace' | 'class' | 'function' | 'block';

export class Scope {
  /** Created on first use: most block scopes declare nothing, and a 1 MB file has thousands. */
  private map: Map<string, Entity> | null = null;
  /** `using namespace std;` appeared in this scope. */
  usingStd = false;

  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
  ) {}

  /** The names declared in this scope. */
  get names(): Map<string, Entity> {
    this.map ??= new Map();
    return this.map;
  }

  /** Finds a name in this scope only. */
  own(name: string): Entity | undefined {
    return this.map?.get(name);
  }
}

export class NamespaceScope extends Scope {
  readonly children = new Map<string, NamespaceScope>();

  constructor(
    parent: NamespaceScope | null,
    /** '' for the global namespace, '(anonymous namespace)' for an anonymous one. */
    readonly name: string,
    /** Enclosing namespace names, outermost first, this one included (empty for the global namespace). */
    readonly path: string[],
  ) {
    super('namespace', parent);
  }

  /** True inside an anonymous namespace (internal linkage). */
  get anonymous(): boolean {
    return this.path.includes('(anonymous namespace)');
  }

  child(name: string): NamespaceScope {
    let c = this.children.get(name);
    if (!c) {
      c = new NamespaceScope(this, name, [...this.path, name]);
      this.children.set(name, c);
      if (name !== '(anonymous namespace)') this.names.set(name, { kind: 'namespace', scope: c });
    }
    return c;
  }
}

export class ClassScope extends Scope {
  constructor(
    parent: Scope,
    readonly record: RecordInfo,
    /** Enclosing class names, outermost first, this one included. */
    readonly classPath: string[],
    readonly namespace: NamespaceScope,
  ) {
    super('class', parent);
  }
}

export class BlockScope extends Scope {
  /** Automatic variables declared directly in this block, in order. */
  readonly vars: VarDecl[] = [];
}

/** The namespace enclosing a scope. */
export function enclosingNamespace(s: Scope): NamespaceScope {
  let cur: Scope | null = s;
  while (cur) {
    if (cur instanceof NamespaceScope) return cur;
    cur = cur.parent;
  }
  throw new Error('scope without a namespace');
}

/** The innermost class scope enclosing a scope, if any. */
export function enclosingClass(s: Scope): ClassScope | null {
  let cur: Scope | null = s;
  while (cur) {
    if (cur instanceof ClassScope) return cur;
    cur = cur.parent;
  }
  return null;
}

/** Whether `using namespace std;` is in effect at this scope. */
export function stdVisible(s: Scope): boolean {
  let cur: Scope | null = s;
  while (cur) {
    if (cur.usingStd) return true;
    cur = cur.parent;
  }
  return false;
}
