import { MDXProvider } from '@mdx-js/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Welcome from '../../content/welcome/index.mdx';
import { createPlayerUi, PlayerContext } from '../app/context';
import { createPlayerStore } from '../app/store/player-store';
import { editStore, memoryStorage, SITE_NAMESPACE } from '../app/store/storage';
import { mdxComponents, Note, Warning } from './components';

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

describe('the lesson widgets outside a lesson page', () => {
  it('cites a source by id, as a link that opens in a new tab, and marks an unknown id', () => {
    const Cite = mdxComponents.Cite as (props: { id: string }) => React.ReactNode;
    expect(renderToStaticMarkup(<Cite id="codon-576" />)).toBe(
      '<a class="mdx-cite" href="https://github.com/exaloop/codon/issues/576" target="_blank" rel="noopener noreferrer" data-source="codon-576">exaloop/codon#576: Debugging Segmentation Faults in Codon (Aug 2024)</a>',
    );
    expect(renderToStaticMarkup(<Cite id="nope" />)).toBe(
      '<span class="mdx-cite mdx-cite--unknown">[nope]</span>',
    );
  });

  it('labels evidence with what produced it and its source', () => {
    const Evidence = mdxComponents.Evidence as (props: {
      source: string;
      label: string;
      children: React.ReactNode;
    }) => React.ReactNode;
    const html = renderToStaticMarkup(
      <Evidence source="codon-576" label="gdb backtrace">
        <pre>bt</pre>
      </Evidence>,
    );
    expect(html).toContain(
      '<figcaption><span class="mdx-evidence__kind">Evidence from a real machine</span>',
    );
    expect(html).toContain('<span class="mdx-evidence__label">gdb backtrace</span>');
    expect(html).toContain('href="https://github.com/exaloop/codon/issues/576"');
  });

  it('shows a question with its choices and hides the explanation before an answer', () => {
    type Widget = (props: { children?: React.ReactNode; [prop: string]: unknown }) => React.ReactNode;
    const { Predict, Choice, Explain } = mdxComponents as unknown as Record<
      'Predict' | 'Choice' | 'Explain',
      Widget
    >;
    const html = renderToStaticMarkup(
      <Predict id="q" program="bug" atStep="call-return">
        <p>What will it print?</p>
        <Choice>Nothing</Choice>
        <Choice correct>1.5</Choice>
        <Explain>Because.</Explain>
      </Predict>,
    );
    expect(html).toContain('<p>What will it print?</p>');
    expect(html).toContain('Nothing');
    expect(html).toContain('1.5');
    expect(html).not.toContain('Because.');
  });

  it('gives the commands that build and run a program for real', () => {
    const Download = mdxComponents.Download as (props: { program: string }) => React.ReactNode;
    const html = renderToStaticMarkup(<Download program="bug" />);
    expect(html).toContain('g++ -std=c++17 -shared -fPIC -O0 -g -o libfoo.so lib.cpp');
    expect(html).toContain('codon run main.codon');
    expect(html).toContain('gdb -q -ex run -ex bt ./main');
  });

  it('gives headings ids that course links can point at', () => {
    const H2 = mdxComponents.h2 as (props: { children: React.ReactNode }) => React.ReactNode;
    expect(renderToStaticMarkup(<H2>Suspect two: the ABI</H2>)).toBe(
      '<h2 id="suspect-two-the-abi">Suspect two: the ABI</h2>',
    );
  });
});

describe('the lesson widgets on a Chinese page', () => {
  const inChinese = (node: React.ReactNode) => {
    const store = createPlayerStore({
      edits: editStore(memoryStorage(), SITE_NAMESPACE),
      settings: { locale: 'zh' },
    });
    return renderToStaticMarkup(
      <PlayerContext.Provider value={{ store, ui: createPlayerUi() }}>{node}</PlayerContext.Provider>,
    );
  };

  it('names an untitled note or warning in Chinese, and keeps a title as written', () => {
    expect(inChinese(<Warning>会被覆盖。</Warning>)).toContain('aria-label="警告"');
    expect(inChinese(<Note>注意这一行。</Note>)).toContain('aria-label="注意"');
    expect(inChinese(<Warning title="还留着这个指针？">会被覆盖。</Warning>)).toContain(
      'aria-label="还留着这个指针？"',
    );
  });

  it('cites a source we describe in our own words in Chinese, its own title as written', () => {
    const Cite = mdxComponents.Cite as (props: { id: string }) => React.ReactNode;
    expect(inChinese(<Cite id="codon-576" />)).toContain(
      'exaloop/codon#576: Debugging Segmentation Faults in Codon（2024 年 8 月）',
    );
    expect(inChinese(<Cite id="gcc-local" />)).toContain('由作者运行');
    expect(inChinese(<Cite id="codon-657" />)).toContain('crashes when executed under GDB or LLDB');
  });
});
