/**
 * Names of objects and regions are message ids with parameters (issue 15). Their English
 * rendering must be exactly what the simulator showed when names were English strings:
 * names.fixture.json was written from every lesson run before the change (object, region and
 * frame names, and a digest of every narration and finding text, which name objects too).
 * A change of what the simulator does (not of how it names) rewrites it, saying so in its commit:
 * the g++ -O0 frame layout added "saved rbx of main" and moved 16-byte locals to 16-byte slots.
 * `NAMES_FIXTURE=write npx vitest run src/sim/messages/names.test.ts` rewrites it from this run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import type { Leftover } from '../machine/machine.ts';
import { runProgram } from '../run/index.ts';
import { NameId, isObjectName, type ObjectName } from '../trace/names.ts';
import { stepMessage } from '../trace/reader.ts';
import { frameList, objectList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import { en } from './en.ts';
import { formatMessage, formatName } from './format.ts';
import { zh } from './zh.ts';

interface CorpusRun {
  objects: string[];
  regions: string[];
  frames: string[];
  texts: string;
}
const FIXTURE = JSON.parse(readFileSync(join(import.meta.dirname, 'names.fixture.json'), 'utf8')) as Record<
  string,
  CorpusRun
>;
const LESSONS = join(import.meta.dirname, '../../../content/lessons');

function lessonRuns(): { key: string; trace: () => Trace }[] {
  const out: { key: string; trace: () => Trace }[] = [];
  const add = (key: string, dir: string) => {
    const cpp = readFileSync(join(dir, 'lib.cpp'), 'utf8');
    const codon = readFileSync(join(dir, 'main.codon'), 'utf8');
    const runs = (
      JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as {
        runs: { target: Target; leftover: Leftover }[];
      }
    ).runs;
    for (const r of runs)
      // Runs that stop at a compile error have no trace, and no names (the fixture skips them too).
      if (`${key}|${r.target}|${r.leftover}` in FIXTURE)
        out.push({
          key: `${key}|${r.target}|${r.leftover}`,
          trace: () => {
            const t = runProgram({ cpp, codon, target: r.target, leftover: r.leftover }).trace;
            if (t === null) throw new Error(`${key}: no trace`);
            return t;
          },
        });
  };
  for (const lesson of readdirSync(LESSONS).sort()) {
    const dir = join(LESSONS, lesson, 'programs');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      add(`${lesson}/${name}`, join(dir, name));
      if (existsSync(join(dir, name, 'solution', 'expect.json')))
        add(`${lesson}/${name}/solution`, join(dir, name, 'solution'));
    }
  }
  return out;
}

function corpus(trace: Trace, locale: 'en' | 'zh'): CorpusRun {
  const texts: string[] = [];
  for (let s = 0; s < trace.steps.count; s++) texts.push(formatMessage(stepMessage(trace, s), locale));
  for (const f of trace.findings) texts.push(formatMessage(f.message, locale));
  return {
    objects: objectList(trace.objects).map((o) => formatName(o.name, locale)),
    regions: trace.regions.map((r) => formatName(r.name, locale)),
    frames: frameList(trace.frames).map((f) => f.functionName),
    texts: createHash('sha256').update(texts.join('\n')).digest('hex'),
  };
}

const WRITE = process.env.NAMES_FIXTURE === 'write';

function expectEnglishAsBefore(key: string, trace: Trace) {
  if (WRITE) FIXTURE[key] = corpus(trace, 'en');
  const before = FIXTURE[key];
  expect(before, `${key} is in names.fixture.json`).toBeDefined();
  expect(corpus(trace, 'en'), key).toEqual(before);
}

function expectStoredAsIds(trace: Trace) {
  const check = (n: ObjectName) => {
    expect(Object.values(NameId)).toContain(n.id);
    for (const p of n.params) if (isObjectName(p)) check(p);
  };
  for (const o of objectList(trace.objects)) check(o.name);
  for (const r of trace.regions) check(r.name);
}

afterAll(() => {
  if (WRITE)
    writeFileSync(join(import.meta.dirname, 'names.fixture.json'), JSON.stringify(FIXTURE, null, 2) + '\n');
});

describe('object and region names', () => {
  it('covers every run of the fixture', () => {
    expect(
      lessonRuns()
        .map((r) => r.key)
        .sort(),
    ).toEqual(Object.keys(FIXTURE).sort());
  });

  it.each(lessonRuns())('$key: English exactly as before, stored as ids', ({ key, trace }) => {
    const t = trace();
    expectEnglishAsBefore(key, t);
    expectStoredAsIds(t);
  });

  it('has an English and a Chinese template for every name id', () => {
    for (const id of Object.values(NameId)) {
      expect(en[id], id).toBeDefined();
      expect(zh[id], id).toBeDefined();
    }
  });

  it('shows the diagram’s names in Chinese, with nested names and identifiers kept', () => {
    const t = lessonRuns()
      .find((r) => r.key === '02-the-bug/bug|x86_64|runtime-data')
      ?.trace();
    if (t === undefined) throw new Error('lesson 2 run missing');
    const zhNames = new Set(corpus(t, 'zh').objects.concat(corpus(t, 'zh').regions));
    expect(zhNames).toContain('主线程栈');
    expect(zhNames).toContain('返回 main 的返回地址');
    expect(zhNames).toContain('_rtld_global._dl_load_lock');
    expect(
      formatName({ id: NameId.mallocHeader, params: [{ id: NameId.mallocBlock, params: [32] }] }, 'zh'),
    ).toBe('malloc(32) 分配的块 的 malloc 块头');
  });
});
