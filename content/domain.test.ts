/**
 * Keeps the course's facts where they belong: the repository cites its own `docs/DOMAIN.md` (and
 * `content/README.md`'s fixture assumptions), never a file outside itself; every cited section
 * exists; the Chinese text uses one right term for "stray write"; and the corrections of the
 * lesson review (issue 16) stay corrected in both languages.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../src/app/site/routes.ts';
import { zh as zhMessages } from '../src/sim/messages/zh.ts';

const REPO = join(import.meta.dirname, '..');

/** Every text file under `dir` (node_modules and dot-folders skipped). */
function textFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...textFiles(path));
    else if (/\.(mdx?|json|ts|tsx|cpp|codon|txt)$/.test(name)) out.push(path);
  }
  return out;
}

const read = (path: string) => readFileSync(path, 'utf8');
const rel = (path: string) => relative(REPO, path);

/** The files that must not point outside the repository: content, docs, the README and the code. */
const SELF_CONTAINED = [
  ...textFiles(join(REPO, 'content')).filter((f) => f !== import.meta.filename),
  ...textFiles(join(REPO, 'docs')),
  ...textFiles(join(REPO, 'src')),
  join(REPO, 'README.md'),
];

/** Lists `file: phrase` for every phrase found in one of the files. */
function occurrences(files: string[], phrases: readonly string[]): string[] {
  return files.flatMap((f) => {
    const text = read(f);
    return phrases.filter((p) => text.includes(p)).map((p) => `${rel(f)}: ${p}`);
  });
}

function expectNone(files: string[], phrases: readonly string[]) {
  expect(occurrences(files, phrases)).toEqual([]);
}

function expectAll(files: string[], phrases: readonly string[]) {
  const missing = files.flatMap((f) => {
    const text = read(f);
    return phrases.filter((p) => !text.includes(p)).map((p) => `${rel(f)} lacks: ${p}`);
  });
  expect(missing).toEqual([]);
}

/** The anchors a Markdown file offers: its headings' slugs. */
function anchors(file: string): Set<string> {
  return new Set(
    read(file)
      .split('\n')
      .filter((l) => /^#{1,4} /.test(l))
      .map((l) => slugify(l.replace(/^#+ /, ''))),
  );
}

const lesson = (id: string, lang: 'en' | 'zh') => join(REPO, 'content', 'lessons', id, `${lang}.mdx`);
const both = (id: string) => [lesson(id, 'en'), lesson(id, 'zh')];
/** Everything in content/ a Chinese reader may see: the zh lessons and pages, the zh glossary, the course and program titles. */
const zhContent = textFiles(join(REPO, 'content')).filter(
  (f) => /zh\.(mdx|json)$/.test(f) || /(course|expect)\.json$/.test(f),
);

describe('the repository stands on its own', () => {
  it('cites no file outside itself in content/, docs/, src/ or the README', () => {
    expect(SELF_CONTAINED.length).toBeGreaterThan(300);
    expectNone(SELF_CONTAINED, ['../shared/', 'FACTS.md section', 'FACTS.md', 'README assumption']);
  });

  it('every docs/DOMAIN.md section it cites exists', () => {
    const domain = anchors(join(REPO, 'docs', 'DOMAIN.md'));
    const cited = SELF_CONTAINED.flatMap((f) =>
      [...read(f).matchAll(/DOMAIN\.md#([a-z0-9-]+)(?: and #([a-z0-9-]+))?/g)].flatMap((m) =>
        [m[1], m[2]].filter((a): a is string => a !== undefined).map((a) => ({ file: rel(f), anchor: a })),
      ),
    );
    expect(cited.length).toBeGreaterThan(40);
    expect(cited.filter((c) => !domain.has(c.anchor))).toEqual([]);
  });

  it('every content/README.md section it cites exists', () => {
    const readme = anchors(join(REPO, 'content', 'README.md'));
    const cited = SELF_CONTAINED.flatMap((f) =>
      [...read(f).matchAll(/content\/README\.md#([a-z0-9-]+)/g)].map((m) => m[1] as string),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((a) => !readme.has(a))).toEqual([]);
  });

  it('every source docs/DOMAIN.md names is in sources.json', () => {
    const ids = new Set(
      (JSON.parse(read(join(REPO, 'content', 'sources.json'))) as { id: string }[]).map((s) => s.id),
    );
    const named = [
      ...read(join(REPO, 'docs', 'DOMAIN.md')).matchAll(/(?<![\w`])\[([a-z0-9]+(?:-[a-z0-9]+)+)\](?!\()/g),
    ].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('one Chinese term for "stray write": 野写', () => {
  it('the glossary names it 野写', () => {
    const entry = (
      JSON.parse(read(join(REPO, 'content', 'glossary.zh.json'))) as { id: string; term: string }[]
    ).find((g) => g.id === 'stray-write');
    expect(entry?.term.startsWith('野写')).toBe(true);
  });

  it('no Chinese text calls it 越界写入 (越界 is past the end of a buffer)', () => {
    expectNone([...zhContent, join(REPO, 'src', 'sim', 'messages', 'zh.ts')], ['越界写入']);
  });

  it('every lesson term for it reads 野写', () => {
    const terms = zhContent
      .filter((f) => f.endsWith('.mdx'))
      .flatMap((f) => [...read(f).matchAll(/<Term id="stray-write">([^<]*)<\/Term>/g)].map((m) => m[1]));
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.filter((t) => t !== '野写')).toEqual([]);
  });

  it("the simulator's stray-write findings say 野写", () => {
    const ids = Object.keys(zhMessages).filter((id) => id.startsWith('finding.stray-write.'));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !zhMessages[id]?.includes('野写'))).toEqual([]);
  });
});

describe('the review corrections hold (issue 16)', () => {
  it("nothing says print leaves dead stack in %rdi, or works 9 KB down (it ends in fwrite: stdout's lock)", () => {
    const taught = [
      ...textFiles(join(REPO, 'content')).filter((f) => f !== import.meta.filename),
      ...textFiles(join(REPO, 'docs')),
    ];
    expectNone(taught, ['as glibc’s `printf` does', "as glibc's `printf` does", '9 KB', '9 KiB', '约 9 KB']);
    expectAll(
      [
        join(REPO, 'content', 'pages', 'simulator.en.mdx'),
        join(REPO, 'content', 'pages', 'simulator.zh.mdx'),
      ],
      ['fwrite', '_IO_stdfile_1_lock'],
    );
  });

  it('lesson 3 states when g++ applies NRVO, not "always"', () => {
    expectNone(both('03-lifetime'), ['g++ always applies', '总会做的返回值优化']);
    expectAll(both('03-lifetime'), ['-fno-elide-constructors']);
  });

  it('lesson 4 says which import form its llc listing shows', () => {
    expectAll(both('04-abi'), ['-opaque-pointers', 'callq\t*foo(%rip)', '<Cite id="codon-import" />']);
  });

  it('lesson 5 does not claim every frame says init', () => {
    expectNone(both('05-gc'), ['The frames say _init_', '这几帧的名字里都有']);
  });

  it('lessons 1 and 8 cite codon#670 for Ptr[T](n) being GC memory', () => {
    expectAll([...both('01-calling-c'), ...both('08-fix-out-param')], ['<Cite id="codon-670" />']);
    expectAll([...both('01-calling-c'), ...both('05-gc'), ...both('08-fix-out-param')], ['gc.free']);
  });

  it('lesson 8 does not widen what Codon docs recommend', () => {
    expectNone(both('08-fix-out-param'), ['not a scalar or a pointer', '标量和指针以外的一切']);
  });

  it('lessons 6 and 11 give one rule for aggregate returns', () => {
    expectAll(
      [lesson('06-abi-explorer', 'en'), lesson('11-checklist', 'en')],
      ['coincidence, not a contract'],
    );
    expectAll([lesson('06-abi-explorer', 'zh'), lesson('11-checklist', 'zh')], ['这是巧合，不是约定']);
    expectNone(both('06-abi-explorer'), [
      'small\n  aggregates whose register use',
      '核对过寄存器用法的小型聚合类型',
    ]);
  });

  it('lesson 11 names the non-trivial special members, not "a destructor"', () => {
    expectNone(both('11-checklist'), ['C++ class with a destructor', '带析构函数的 C++ 类']);
  });

  it('lesson 10 runs its AArch64 evidence under qemu and cites where nan comes from', () => {
    expectNone(both('10-traps'), ['computed, not run', '并未在 Arm 机器上运行', 'float.__repr__`\nturns']);
    expectAll(both('10-traps'), [
      'source="qemu-local"',
      'qemu-aarch64 -L /usr/aarch64-linux-gnu ./caller',
      '1.39615e-309 0 2.12792e-314 0',
      '<Cite id="codon-format" />',
    ]);
    const sources = JSON.parse(read(join(REPO, 'content', 'sources.json'))) as {
      id: string;
      title: string | { en: string };
    }[];
    const title = (id: string) => {
      const t = sources.find((s) => s.id === id)?.title;
      return typeof t === 'object' ? t.en : t;
    };
    expect(title('codon-float')).not.toMatch(/"nan"/);
    expect(title('codon-format')).toMatch(/"-nan" into "nan"/);
  });

  it('the Chinese wording the review flagged is gone', () => {
    expectNone(both('09-fix-handle'), ['一目了然']);
    expectNone([lesson('07-fix-static', 'zh'), lesson('09-fix-handle', 'zh')], ['没有任何发现']);
    expectNone([lesson('06-abi-explorer', 'zh')], ['16 字节的 double']);
    expectNone([lesson('02-the-bug', 'zh')], ['他的']);
    const zhLessons = zhContent.filter((f) => f.endsWith('.mdx'));
    const spaced = zhLessons.filter((f) => /[。，；：！？] +[A-Za-z`<]/.test(read(f))).map(rel);
    expect(spaced).toEqual([]);
  });

  it('lesson 4 (zh) keeps the -O0/-O2 paragraph before the Compare widget, as in English', () => {
    for (const lang of ['en', 'zh'] as const) {
      const text = read(lesson('04-abi', lang));
      const note = text.indexOf(lang === 'en' ? 'That is the `-O0` build.' : '这是 `-O0` 编译的结果。');
      expect(note).toBeGreaterThan(0);
      expect(note).toBeLessThan(text.indexOf('<Compare a="leftovers"'));
    }
  });

  it('the start page says every lesson stops for a prediction, and every lesson does', () => {
    const course = JSON.parse(read(join(REPO, 'content', 'course.json'))) as { lessons: { id: string }[] };
    expectAll(
      [join(REPO, 'content', 'pages', 'start.en.mdx')],
      ['In every lesson the player will sometimes'],
    );
    expectAll(
      course.lessons.flatMap((l) => both(l.id)),
      ['<Predict '],
    );
  });

  it('the welcome page and the README are not stale', () => {
    expectNone([join(REPO, 'content', 'welcome', 'index.mdx')], ['still being built', 'Until then']);
    expectNone([join(REPO, 'README.md')], ['will come in English']);
  });
});
