import { describe, expect, it } from 'vitest';
import type { Cell, SourceLoc } from './types.ts';
import {
  BoundaryTableBuilder,
  FrameTableBuilder,
  ObjectTableBuilder,
  boundaryCall,
  boundaryCallList,
  frameList,
  frameRecord,
  objectList,
  objectRecord,
  type CallShape,
} from './tables.ts';
import { ident } from './names.ts';

const loc = (line: number): SourceLoc => ({ side: 'cpp', line, column: 1, endLine: line, endColumn: 9 });
const cells: Cell[] = [{ path: '', offset: 0, size: 8, kind: 'float' }];

function addLocal(t: ObjectTableBuilder, name: string, addr: number, where: SourceLoc | null = loc(3)) {
  return t.add(
    {
      name: ident(name),
      typeName: 'double',
      role: 'local',
      side: 'cpp',
      addr,
      size: 8,
      frameId: 0,
      loc: where,
    },
    5,
    2,
    cells,
  );
}

describe('the object table', () => {
  it('gives back what was added, as a record', () => {
    const t = new ObjectTableBuilder();
    const id = addLocal(t, 'x', 0x7fffffffe000);
    expect(objectRecord(t.table(), id)).toEqual({
      id: 0,
      name: ident('x'),
      typeName: 'double',
      role: 'local',
      side: 'cpp',
      regionId: 5,
      addr: 0x7fffffffe000,
      size: 8,
      cells,
      frameId: 0,
      born: 2,
      died: -1,
      deathKind: null,
      loc: loc(3),
      deathLoc: null,
    });
  });

  it('records a death with its kind and place', () => {
    const t = new ObjectTableBuilder();
    const id = addLocal(t, 'x', 64);
    const freedAt = loc(9);
    t.end(id, 7, 'freed', freedAt);
    expect(objectRecord(t.table(), id)).toMatchObject({ died: 7, deathKind: 'freed', deathLoc: freedAt });
  });

  it('keeps atomic unset unless said, and says it when it was', () => {
    const t = new ObjectTableBuilder();
    const plain = addLocal(t, 'x', 64);
    const atomic = t.add({ ...t.record(plain)!, atomic: true }, 5, 2, cells);
    const table = t.table();
    expect('atomic' in objectRecord(table, plain)!).toBe(false);
    expect(objectRecord(table, atomic)?.atomic).toBe(true);
  });

  it('stores a repeated string, location and cell list once', () => {
    const t = new ObjectTableBuilder();
    const at = loc(4);
    for (let i = 0; i < 1000; i++) addLocal(t, 'x', 8 * i, at);
    const table = t.table();
    expect(table.count).toBe(1000);
    expect(table.typeNames).toEqual(['double']);
    expect(table.names).toEqual([ident('x')]);
    expect(table.locs).toHaveLength(1);
    expect(table.cellLists).toHaveLength(1);
    expect(objectList(table)[999]?.addr).toBe(8 * 999);
  });

  it('trims the finished columns to the objects there are', () => {
    const t = new ObjectTableBuilder();
    for (let i = 0; i < 300; i++) addLocal(t, `v${i % 3}`, i);
    const table = t.table();
    expect(table.addr.length).toBe(300);
    expect(table.died.length).toBe(300);
  });

  it('answers undefined outside the table', () => {
    const table = new ObjectTableBuilder().table();
    expect(objectRecord(table, 0)).toBeUndefined();
    expect(objectRecord(table, -1)).toBeUndefined();
  });

  it('survives a structured clone (the worker posts it to the page)', () => {
    const t = new ObjectTableBuilder();
    addLocal(t, 'x', 16);
    const copy = structuredClone(t.table());
    expect(objectRecord(copy, 0)?.name).toEqual(ident('x'));
  });
});

describe('the frame table', () => {
  it('gives frames back with their parents and extent', () => {
    const f = new FrameTableBuilder();
    const main = f.add('main', 'codon', -1, 0x8000, 0, -1);
    const foo = f.add('foo', 'cpp', main, 0x7ff0, 4, 0);
    f.low[foo] = 0x7fc0;
    f.exitStep[foo] = 9;
    const table = f.table();
    expect(frameRecord(table, foo)).toEqual({
      id: 1,
      functionName: 'foo',
      side: 'cpp',
      parent: 0,
      entrySp: 0x7ff0,
      low: 0x7fc0,
      enterStep: 4,
      exitStep: 9,
      boundaryCallId: 0,
    });
    expect(frameList(table).map((x) => x.functionName)).toEqual(['main', 'foo']);
    expect(f.nameOf(5)).toBeUndefined();
  });
});

describe('the foreign-call table', () => {
  const shape = (hiddenReg: string | null): CallShape => ({
    symbol: 'foo',
    callerLoc: loc(5),
    calleeLoc: loc(3),
    callerSignature: 'foo() -> Ptr[float]',
    calleeSignature: 'std::array<double, 4> foo()',
    callerArgs: [],
    callerResult: null,
    calleeArgs: [],
    calleeResult: null,
    hiddenReg,
    mismatch: true,
    linkage: 'dlsym',
  });

  it('shares a shape between calls and keeps what differs per call', () => {
    const b = new BoundaryTableBuilder();
    const s = shape('rdi');
    b.add(s, 3, 0x7ffff7ffd000);
    b.add(s, 10, 0);
    b.returnStep[0] = 8;
    const table = b.table();
    expect(table.shapes).toHaveLength(1);
    expect(boundaryCall(table, 0)).toMatchObject({
      id: 0,
      step: 3,
      returnStep: 8,
      hiddenPointer: { reg: 'rdi', value: 0x7ffff7ffd000 },
    });
    expect(boundaryCall(table, 1)).toMatchObject({ step: 10, returnStep: -1 });
    expect(boundaryCall(table, 1)).not.toHaveProperty('hiddenReg');
  });

  it('has no hidden pointer when the callee takes none', () => {
    const b = new BoundaryTableBuilder();
    b.add(shape(null), 1, 0);
    expect(boundaryCallList(b.table())[0]?.hiddenPointer).toBeNull();
  });
});
