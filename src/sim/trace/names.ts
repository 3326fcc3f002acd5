/**
 * The names the simulator gives objects and regions, stored in the trace as a message id plus
 * parameters (issue 15), never as English text, so the page can show them in any language
 * without a re-run. A parameter is a source identifier (shown as written), a number, or another
 * name (a malloc header is named after its block). The English and Chinese templates are in
 * src/sim/messages (en.ts, zh.ts); `formatName` in messages/format.ts renders one.
 */

export const NameId = {
  /** A name from the source or from a symbol table, shown as written: `bar`, `_rtld_global`. */
  ident: 'name.ident',
  static: 'name.static',
  returnAddress: 'name.return-address',
  savedRbp: 'name.saved-rbp',
  savedRbx: 'name.saved-rbx',
  frameRecord: 'name.frame-record',
  savedX30: 'name.saved-x30',
  savedCalleeSaved: 'name.saved-callee-saved',
  frameTemporaries: 'name.frame-temporaries',
  hiddenResult: 'name.hidden-result',
  argument: 'name.argument',
  resultOf: 'name.result-of',
  returnValue: 'name.return-value',
  returnCopy: 'name.return-copy',
  temporary: 'name.temporary',
  mallocHeader: 'name.malloc-header',
  mallocBlock: 'name.malloc-block',
  newBlock: 'name.new-block',
  makeShared: 'name.make-shared',
  makeUnique: 'name.make-unique',
  sharedControl: 'name.shared-control',
  vectorBuffer: 'name.vector-buffer',
  stringBuffer: 'name.string-buffer',
  callocBlock: 'name.calloc-block',
  cStrCopy: 'name.c-str-copy',
  fromPtrCopy: 'name.from-ptr-copy',
  gcInitFrame: 'name.gc-init-frame',
  mainThreadDescriptor: 'name.main-thread-descriptor',
  codonBuffer: 'name.codon-buffer',
  codonObject: 'name.codon-object',
  unmapped: 'name.unmapped',
  stackBelowSp: 'name.stack-below-sp',
  /** An anonymous box of the diagram: stack below the stack pointer that no object owns. */
  unusedStack: 'name.unused-stack',
  regionCodonText: 'name.region.codon-text',
  regionCodonData: 'name.region.codon-data',
  regionCHeap: 'name.region.c-heap',
  regionGcHeap: 'name.region.gc-heap',
  regionLibText: 'name.region.lib-text',
  regionLibData: 'name.region.lib-data',
  regionRuntime: 'name.region.runtime',
  regionStack: 'name.region.stack',
} as const satisfies Record<string, `name.${string}`>;
export type NameId = (typeof NameId)[keyof typeof NameId];

/** A name as the trace stores it. */
export interface ObjectName {
  readonly id: NameId;
  readonly params: readonly NameParam[];
}
export type NameParam = string | number | ObjectName;

/** A name with parameters. */
export function named(id: NameId, ...params: NameParam[]): ObjectName {
  return { id, params };
}

/** A source identifier or symbol, shown as written. */
export function ident(text: string): ObjectName {
  return { id: NameId.ident, params: [text] };
}

/** A key equal for equal names (interning). */
export function nameKey(n: ObjectName): string {
  let s = n.id;
  for (const p of n.params) s += typeof p === 'object' ? `\u0001${nameKey(p)}\u0002` : `\u0000${String(p)}`;
  return s;
}

export function isObjectName(p: unknown): p is ObjectName {
  return typeof p === 'object' && p !== null && 'id' in p && 'params' in p;
}
