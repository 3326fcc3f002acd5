/**
 * The Chinese course has no English prose: every zh lesson and page, the zh glossary, the course's and
 * the sources' Chinese titles, and the UI and simulator catalogues in Chinese. Code stays as written, so
 * code blocks, inline code and the identifiers, types and commands inside a sentence are not prose; the
 * sentence around them must be Chinese. A run of three or more Latin words outside code is English prose
 * unless it is one of the quotations below (a source's own title, a program's or a standard's own words).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zh as uiZh } from '../src/i18n/zh.ts';
import { zh as simZh } from '../src/sim/messages/zh.ts';

const ROOT = import.meta.dirname;
const read = (f: string) => readFileSync(f, 'utf8');

/** Three or more Latin words in a row (commas and spaces between). */
const LATIN_RUN = /[A-Za-z][A-Za-z'’.-]*(?:[ \t]*,?[ \t]+[A-Za-z][A-Za-z'’.-]*){2,}/g;

/** Quotations that are English in the original, and names: kept as they are in a Chinese sentence. */
const QUOTED = [
  // Source titles (content/sources.json) and the standards' own names.
  'Debugging Segmentation Faults in Codon',
  'Feasibility of std::array with Set',
  'Gdb debug with segfault',
  'Is there any API to manually collect heap memory',
  'GC_init SEGV while in gdb',
  'not a bug, it is a way to determine beginning of data roots',
  'Call C/C++ from Codon',
  'System V psABI',
  'System V x',
  'non-trivial for the purposes of calls',
  // What programs print, quoted (glibc, libstdc++, the simulator's refusal message).
  'double free detected in tcache',
  'double free detected',
  'double free or corruption',
  'terminate called after throwing an instance of',
  'is not modelled by this simulator',
  // Code a sentence names without backticks (a Codon statement, an LLVM struct type).
  'from C import',
  'double, double, double, double',
];

/** `text` without code: fenced blocks, inline code, JSX tags (their learner-visible attributes kept), link targets. */
function prose(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\]\([^)\n]*\)/g, ']')
    .replace(/<\/?[A-Za-z][^>]*?\/?>/g, (tag) =>
      [...tag.matchAll(/\b(?:label|title|caption|alt|summary)="([^"]*)"/g)].map((m) => ` ${m[1]} `).join(''),
    );
}

/** The English runs in `text`, each with its line, minus the allowed quotations. */
function englishIn(where: string, text: string): string[] {
  const out: string[] = [];
  prose(text)
    .split('\n')
    .forEach((line, i) => {
      let rest = line;
      for (const q of QUOTED) rest = rest.split(q).join(' ');
      for (const m of rest.matchAll(LATIN_RUN)) out.push(`${where}:${i + 1}: ${m[0]}`);
    });
  return out;
}

/**
 * The comments of the code a lesson writes itself (a fenced block outside <Evidence>, whose blocks are a
 * real machine's words and stay as they were): a comment is prose.
 */
function codeComments(text: string): string {
  let code = false;
  let evidence = false;
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('<Evidence')) evidence = true;
      if (line.startsWith('</Evidence>')) evidence = false;
      if (line.startsWith('```')) {
        code = !code;
        return '';
      }
      return code && !evidence ? (/(?:\/\/|#)\s(.*)$/.exec(line)?.[1] ?? '') : '';
    })
    .join('\n');
}

function zhMdx(): string[] {
  const lessons = join(ROOT, 'lessons');
  const pages = join(ROOT, 'pages');
  return [
    ...readdirSync(lessons)
      .map((l) => join(lessons, l, 'zh.mdx'))
      .filter(existsSync),
    ...readdirSync(pages)
      .filter((p) => p.endsWith('.zh.mdx'))
      .map((p) => join(pages, p)),
  ];
}

/** Every Chinese string of a JSON value: `zh` fields, or all strings when the whole file is Chinese. */
function zhStrings(v: unknown, all: boolean): string[] {
  if (typeof v === 'string') return all ? [v] : [];
  if (Array.isArray(v)) return v.flatMap((x) => zhStrings(x, all));
  if (v !== null && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => zhStrings(x, all || k === 'zh'));
  return [];
}

const expectChinese = (found: string[]) => expect(found).toEqual([]);

describe('the Chinese course', () => {
  it('finds English prose where there is some (the heuristic works)', () => {
    expect(englishIn('t', '这是中文。This sentence is English.')).toHaveLength(1);
    expect(
      englishIn('t', '代码 `std::array<double, 4>` 和 ```\nint main() { return 0; }\n``` 都不算。'),
    ).toEqual([]);
    expect(englishIn('t', '<Note title="A note in English">正文</Note>')).toHaveLength(1);
    expect(englishIn('t', '<Cite id="codon-576" />')).toEqual([]);
    expect(englishIn('t', codeComments('```cpp\nvoid f(); // copy the values\n```'))).toHaveLength(1);
    expect(codeComments('<Evidence source="x">\n```\nint x; // real output\n```\n</Evidence>')).not.toMatch(
      /real/,
    );
  });

  it.each(zhMdx().map((f) => [f.slice(ROOT.length + 1), f]))('%s has no English prose', (_name, f) => {
    const name = f.slice(ROOT.length + 1);
    expectChinese([
      ...englishIn(name, read(f)),
      ...englishIn(`${name} (code comment)`, codeComments(read(f))),
    ]);
  });

  it('has Chinese glossary entries, course and program titles and source titles', () => {
    const found: string[] = [];
    const add = (name: string, strings: string[]) =>
      strings.forEach((s, i) => found.push(...englishIn(`${name}#${i}`, s)));
    add('glossary.zh.json', zhStrings(JSON.parse(read(join(ROOT, 'glossary.zh.json'))), true));
    add('course.json', zhStrings(JSON.parse(read(join(ROOT, 'course.json'))), false));
    add('sources.json', zhStrings(JSON.parse(read(join(ROOT, 'sources.json'))), false));
    for (const l of readdirSync(join(ROOT, 'lessons'))) {
      const programs = join(ROOT, 'lessons', l, 'programs');
      if (!existsSync(programs)) continue;
      for (const p of readdirSync(programs)) {
        const expect = join(programs, p, 'expect.json');
        if (existsSync(expect)) add(`${l}/${p}/expect.json`, zhStrings(JSON.parse(read(expect)), false));
      }
    }
    expectChinese(found);
  });

  it('has Chinese UI strings and simulator messages', () => {
    const found: string[] = [];
    for (const [name, catalogue] of [
      ['src/i18n/zh.ts', uiZh],
      ['src/sim/messages/zh.ts', simZh],
    ] as const)
      for (const [key, text] of Object.entries(catalogue)) found.push(...englishIn(`${name} ${key}`, text));
    expectChinese(found);
  });
});
