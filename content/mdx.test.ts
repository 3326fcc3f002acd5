/**
 * Keeps the MDX honest: every lesson and page compiles, exists in both languages, uses only tags
 * the components map has, and every id it names (programs, sources, glossary terms, course links
 * and their headings, prediction moments) exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { slugify } from '../src/app/site/routes.ts';
import { mdxComponents } from '../src/mdx/components.tsx';
import { MOMENTS as PLAYER_MOMENTS } from '../src/app/player/moments.ts';

const ROOT = import.meta.dirname;

interface Course {
  lessons: { id: string }[];
  pages: { id: string; kind: string }[];
}
const course = JSON.parse(readFileSync(join(ROOT, 'course.json'), 'utf8')) as Course;
const sources = new Set(
  (JSON.parse(readFileSync(join(ROOT, 'sources.json'), 'utf8')) as { id: string }[]).map((s) => s.id),
);
const glossary = (lang: string) =>
  new Set(
    (JSON.parse(readFileSync(join(ROOT, `glossary.${lang}.json`), 'utf8')) as { id: string }[]).map(
      (g) => g.id,
    ),
  );

/** The moments a `<Predict atStep>` may name: the player's own list (it computes them from the trace). */
const MOMENTS: ReadonlySet<string> = new Set(PLAYER_MOMENTS);

interface Usage {
  tags: { name: string; attrs: Record<string, string> }[];
  links: string[];
  headings: string[];
}

type Node = {
  type: string;
  name?: string | null;
  url?: string;
  depth?: number;
  attributes?: { type: string; name: string; value: unknown }[];
  children?: Node[];
  value?: string;
};

function text(n: Node): string {
  return n.value ?? (n.children ?? []).map(text).join('');
}

/** Compiles an MDX file and collects its JSX tags, links and headings. */
async function usage(file: string): Promise<Usage> {
  const found: Usage = { tags: [], links: [], headings: [] };
  const collect = () => (tree: Node) => {
    const walk = (n: Node) => {
      if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name) {
        const attrs: Record<string, string> = {};
        for (const a of n.attributes ?? [])
          if (a.type === 'mdxJsxAttribute') attrs[a.name] = typeof a.value === 'string' ? a.value : '';
        found.tags.push({ name: n.name, attrs });
      }
      if (n.type === 'link' && n.url) found.links.push(n.url);
      if (n.type === 'heading' && (n.depth === 2 || n.depth === 3)) found.headings.push(slugify(text(n)));
      for (const c of n.children ?? []) walk(c);
    };
    walk(tree);
  };
  await compile(readFileSync(file, 'utf8'), { remarkPlugins: [remarkGfm, collect] });
  return found;
}

const lessonFiles = course.lessons.flatMap((l) =>
  ['en', 'zh'].map((lang) => ({ id: l.id, lang, file: join(ROOT, 'lessons', l.id, `${lang}.mdx`) })),
);
const pageFiles = course.pages
  .filter((p) => p.kind === 'mdx')
  .flatMap((p) =>
    ['en', 'zh'].map((lang) => ({ id: p.id, lang, file: join(ROOT, 'pages', `${p.id}.${lang}.mdx`) })),
  );

describe('the course', () => {
  it.each([...lessonFiles, ...pageFiles])('$id exists in $lang', ({ file }) => {
    expect(existsSync(file)).toBe(true);
  });
});

describe.each([...lessonFiles, ...pageFiles])('$id ($lang)', ({ id, lang, file }) => {
  it('compiles, and every tag, id and link in it resolves', async () => {
    const u = await usage(file);
    if (file.includes('/lessons/')) expect(u.tags.length).toBeGreaterThan(0);
    const known = new Set(Object.keys(mdxComponents));
    const programs = join(ROOT, 'lessons', id, 'programs');
    const problems: string[] = [];
    for (const t of u.tags) {
      if (!known.has(t.name)) problems.push(`<${t.name}> is not in the components map`);
      const program = t.attrs.program;
      if (program !== undefined && !existsSync(join(programs, program, 'expect.json')))
        problems.push(`<${t.name} program="${program}"> has no program folder`);
      if (t.name === 'Cite' && !sources.has(t.attrs.id ?? ''))
        problems.push(`<Cite id="${t.attrs.id}"> is not in sources.json`);
      if (t.name === 'Evidence' && t.attrs.source !== undefined && !sources.has(t.attrs.source))
        problems.push(`<Evidence source="${t.attrs.source}"> is not in sources.json`);
      if (t.name === 'Term' && !glossary(lang).has(t.attrs.id ?? ''))
        problems.push(`<Term id="${t.attrs.id}"> is not in glossary.${lang}.json`);
      if (t.name === 'Predict' && !MOMENTS.has(t.attrs.atStep ?? ''))
        problems.push(`<Predict atStep="${t.attrs.atStep}"> is not a known moment`);
    }
    for (const href of u.links) {
      const m = /^(lesson|page):([a-z0-9-]+)(?:#(.+))?$/.exec(href);
      if (m === null) continue;
      const [, kind, target, hash] = m as unknown as [string, string, string, string | undefined];
      const exists =
        kind === 'lesson'
          ? course.lessons.some((l) => l.id === target)
          : course.pages.some((p) => p.id === target);
      if (!exists) {
        problems.push(`link ${href}: no such ${kind}`);
        continue;
      }
      if (hash !== undefined && kind === 'lesson') {
        const other = await usage(join(ROOT, 'lessons', target, `${lang}.mdx`));
        if (!other.headings.includes(hash))
          problems.push(`link ${href}: no heading #${hash} in ${target} (${lang})`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('both languages teach the same lesson', () => {
  it.each(course.lessons.map((l) => l.id))(
    '%s has the same widgets, predictions and programs in en and zh',
    async (id) => {
      const key = (u: Usage) =>
        u.tags
          .filter((t) =>
            ['Playground', 'Predict', 'Choice', 'Exercise', 'Download', 'AbiExplorer', 'Compare'].includes(
              t.name,
            ),
          )
          .map(
            (t) =>
              `${t.name}:${t.attrs.id ?? ''}:${t.attrs.program ?? ''}:${t.attrs.atStep ?? ''}:${'correct' in t.attrs ? 'correct' : ''}`,
          );
      const en = await usage(join(ROOT, 'lessons', id, 'en.mdx'));
      const zh = await usage(join(ROOT, 'lessons', id, 'zh.mdx'));
      expect(key(zh)).toEqual(key(en));
    },
  );
});
