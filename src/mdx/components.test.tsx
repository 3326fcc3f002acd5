import { MDXProvider } from '@mdx-js/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Welcome from '../../content/welcome/index.mdx';
import { mdxComponents, Warning } from './components';

/** Renders the welcome lesson as the app does: through the one components map. */
function renderWelcome(): string {
  return renderToStaticMarkup(
    <MDXProvider components={mdxComponents}>
      <Welcome />
    </MDXProvider>,
  );
}

describe('the MDX components map', () => {
  it('renders the welcome lesson with its Note through the map', () => {
    const html = renderWelcome();
    expect(html).toContain('<h1>One return value, two languages</h1>');
    expect(html).toMatch(
      /<aside class="mdx-note mdx-note--note" aria-label="This page is the project&#x27;s skeleton">/,
    );
  });

  it('opens links that leave the tutorial in a new tab', () => {
    expect(renderWelcome()).toContain(
      '<a href="https://github.com/exaloop/codon/issues/576" target="_blank" rel="noopener noreferrer">',
    );
  });

  it('renders a Warning as a warning aside', () => {
    const html = renderToStaticMarkup(<Warning title="Keep the pointer?">It is overwritten.</Warning>);
    expect(html).toBe(
      '<aside class="mdx-note mdx-note--warning" aria-label="Keep the pointer?">' +
        '<p class="mdx-note__title">Keep the pointer?</p>It is overwritten.</aside>',
    );
  });

  it('keeps course links in the tab', () => {
    const A = mdxComponents.a as (props: { href: string; children: string }) => React.ReactNode;
    expect(renderToStaticMarkup(<A href="lesson:04-abi">the ABI lesson</A>)).toBe(
      '<a href="lesson:04-abi">the ABI lesson</a>',
    );
  });
});
