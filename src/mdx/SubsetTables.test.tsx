/**
 * The page "What you can write here" lists every name in the front ends' tables, in both languages,
 * and both texts of the page show the lists (so the page cannot drift from what the simulator reads).
 */
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BUILTINS, CODON_PTR_METHODS, UNMODELLED_BUILTINS } from '../sim/codon/check-scope';
import {
  MODELLED_BUILTINS,
  MODELLED_STD_METHODS,
  MODELLED_STD_OTHER,
} from '../sim/cpp/sema/modelled-library';
import { CODON_EXPRESSIONS, CODON_STATEMENTS, CPP_DECLARATIONS, CPP_STATEMENTS } from '../sim/subset';
import { KIND_NAMES_ZH, SubsetTables } from './SubsetTables';

/** The page's text with tags removed and entities decoded, as a reader sees it. */
function shown(lang: 'en' | 'zh'): string {
  return renderToStaticMarkup(<SubsetTables lang={lang} />)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

function expectListed(text: string, names: Iterable<string>) {
  const missing = [...names].filter((n) => !text.includes(n));
  expect(missing).toEqual([]);
}

describe('What you can write here', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`lists every name of the front ends' tables (${lang})`, () => {
      const text = shown(lang);
      expectListed(text, BUILTINS);
      expectListed(text, UNMODELLED_BUILTINS);
      expectListed(text, CODON_PTR_METHODS);
      expectListed(text, MODELLED_BUILTINS);
      expectListed(text, MODELLED_STD_OTHER);
      expectListed(text, Object.values(MODELLED_STD_METHODS).flat());
      for (const forms of [CODON_STATEMENTS, CODON_EXPRESSIONS, CPP_DECLARATIONS, CPP_STATEMENTS]) {
        if (lang === 'en') expectListed(text, Object.keys(forms));
        expectListed(text, Object.values(forms).flat());
      }
      // The Chinese page names each kind in Chinese.
      if (lang === 'zh')
        expectListed(
          text,
          Object.values(KIND_NAMES_ZH).flatMap((n) => Object.values(n)),
        );
    });
  }

  it('is shown by both texts of the page, each in its own language', () => {
    for (const lang of ['en', 'zh']) {
      const mdx = readFileSync(new URL(`../../content/pages/subset.${lang}.mdx`, import.meta.url), 'utf8');
      expect(mdx).toContain(`<SubsetTables lang="${lang}" />`);
    }
    expect(shown('zh')).toContain('语句');
    expect(shown('en')).toContain('Statements');
  });
});
