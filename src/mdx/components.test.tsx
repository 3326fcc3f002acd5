import { MDXProvider } from '@mdx-js/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Welcome from '../../content/welcome/index.mdx';
import { mdxComponents } from './components';

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
});
