// The one MDX components map: every tag a lesson uses resolves here, so lesson files import nothing.
// Add a widget by adding it to `mdxComponents`; lessons then use it as <Name ...> directly.
import type { MDXComponents } from 'mdx/types';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';

/** A boxed aside in a lesson: a note, or a warning the learner should not skip. */
export function Note({
  title,
  kind = 'note',
  children,
}: {
  title?: string;
  kind?: 'note' | 'warning';
  children: ReactNode;
}) {
  return (
    <aside
      className={`mdx-note mdx-note--${kind}`}
      aria-label={title ?? (kind === 'warning' ? 'Warning' : 'Note')}
    >
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

/** Links that leave the tutorial open in a new tab, so the learner keeps their place and edits. */
function Link({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  // Course links (`lesson:04-abi`, `page:simulator`) stay in the tab; the lesson player resolves them.
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

/** Maps MDX tags (Markdown elements and lesson components) to React components. */
export const mdxComponents: MDXComponents = {
  a: Link,
  Note,
  Warning,
};
