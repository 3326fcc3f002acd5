// The one MDX components map: every tag a lesson uses resolves here, so lesson files import nothing.
// Add a widget by adding it to `mdxComponents`; lessons then use it as <Name ...> directly.
import type { MDXComponents } from 'mdx/types';
import { useContext, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { PlayerContext, useT } from '../app/context';
import { parseCourseHref, slugify } from '../app/site/routes';
import { useSite } from '../app/site/SiteContext';
import { AbiExplorerTag } from './AbiExplorerTag';
import { Compare } from './Compare';
import { Download } from './Download';
import { SubsetTables } from './SubsetTables';
import { Cite, Evidence, Term } from './Evidence';
import { Exercise } from './Exercise';
import { Playground } from './Playground';
import { Choice, Explain, Predict } from './Predict';

type NoteKind = 'note' | 'warning';

/** A boxed aside in a lesson: a note, or a warning the learner should not skip. */
export function Note({
  title,
  kind = 'note',
  children,
}: {
  title?: string;
  kind?: NoteKind;
  children: ReactNode;
}) {
  const player = useContext(PlayerContext);
  // Untitled, it is named by its kind in the page's language (English where no player says which).
  if (title === undefined && player) return <LiveNote kind={kind}>{children}</LiveNote>;
  return (
    <NoteBox kind={kind} label={title ?? (kind === 'warning' ? 'Warning' : 'Note')} title={title}>
      {children}
    </NoteBox>
  );
}

function LiveNote({ kind, children }: { kind: NoteKind; children: ReactNode }) {
  const t = useT();
  return (
    <NoteBox kind={kind} label={t(kind === 'warning' ? 'mdx.warning' : 'mdx.note')} title={undefined}>
      {children}
    </NoteBox>
  );
}

function NoteBox({
  kind,
  label,
  title,
  children,
}: {
  kind: NoteKind;
  label: string;
  title: string | undefined;
  children: ReactNode;
}) {
  return (
    <aside className={`mdx-note mdx-note--${kind}`} aria-label={label}>
      {title && <p className="mdx-note__title">{title}</p>}
      {children}
    </aside>
  );
}

/** A Note for something that can hurt a real program. */
export function Warning({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Note kind="warning" title={title}>
      {children}
    </Note>
  );
}

/**
 * Links: course links (`lesson:04-abi#slug`, `page:glossary`) stay in the tab and go through the site's
 * navigation; links that leave the tutorial open in a new tab, so the learner keeps their place and edits.
 */
function Link({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  const site = useSite();
  const course = parseCourseHref(href);
  if (course) {
    if (!site) {
      return (
        <a href={href} {...rest}>
          {children}
        </a>
      );
    }
    return (
      <a
        href={site.hrefFor(course.route, course.hash)}
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          site.navigate(course.route, course.hash);
        }}
        {...rest}
      >
        {children}
      </a>
    );
  }
  const external = /^(https?|mailto):/i.test(href);
  return external ? (
    <a href={href} target="_blank" rel="noopener noreferrer" {...rest}>
      {children}
    </a>
  ) : (
    <a href={href} {...rest}>
      {children}
    </a>
  );
}

/** The text of a heading's children, for its id. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'props' in node) {
    return textOf((node.props as { children?: ReactNode }).children);
  }
  return '';
}

/** Headings get ids from their text, so `lesson:04-abi#slug` can point at them. */
function H2({ children, ...rest }: ComponentPropsWithoutRef<'h2'>) {
  return (
    <h2 id={slugify(textOf(children))} {...rest}>
      {children}
    </h2>
  );
}

function H3({ children, ...rest }: ComponentPropsWithoutRef<'h3'>) {
  return (
    <h3 id={slugify(textOf(children))} {...rest}>
      {children}
    </h3>
  );
}

/** Code blocks scroll sideways, so they take the focus: a keyboard user can scroll them too. */
function Pre(props: ComponentPropsWithoutRef<'pre'>) {
  return <pre tabIndex={0} {...props} />;
}

/** Maps MDX tags (Markdown elements and lesson components) to React components. */
/** A lesson's table: it scrolls sideways in a narrow column, so it takes the focus (keyboard scrolling). */
function Table(props: ComponentPropsWithoutRef<'table'>) {
  return <table tabIndex={0} {...props} />;
}

export const mdxComponents: MDXComponents = {
  a: Link,
  pre: Pre,
  table: Table,
  h2: H2,
  h3: H3,
  Note,
  Warning,
  Playground,
  Predict,
  Choice,
  Explain,
  Exercise,
  Evidence,
  Cite,
  Term,
  Download,
  AbiExplorer: AbiExplorerTag,
  Compare,
  SubsetTables,
};
