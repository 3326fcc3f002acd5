import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AbiExplorer } from './AbiExplorer.tsx';
import { EXAMPLES } from './examples.ts';

function html(initialType: string, locale: 'en' | 'zh' = 'en', initialDefinitions = ''): string {
  return renderToStaticMarkup(
    <AbiExplorer initialType={initialType} initialDefinitions={initialDefinitions} locale={locale} />,
  );
}

/** The text content of the markup, tags dropped and entities decoded (enough for assertions). */
function text(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

describe('the explorer renders', () => {
  it('labelled fields: every input and textarea has a <label for> that names it', () => {
    const m = html('std::array<double, 4>');
    const ids = [...m.matchAll(/<(?:input|textarea)[^>]* id="([^"]+)"/g)].map((x) => x[1]);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(m).toContain(`for="${id}"`);
    expect(text(m)).toContain('Return type');
    expect(text(m)).toContain('Definitions (optional)');
  });

  it('the two machines side by side in a real table, with row and column headers', () => {
    const m = html('std::array<double, 4>');
    expect(m).toMatch(/<table class="abi-table abi-table--summary"><caption>/);
    expect(m).toContain('<th scope="col">x86-64 (System V)</th><th scope="col">AArch64 (AAPCS64)</th>');
    expect(m).toContain('<th scope="row">Size and alignment</th>');
    const t = text(m);
    expect(t).toContain('32 bytes, aligned to 8');
    expect(t).toContain('memory (%rdi)');
    expect(t).toContain('d0, d1, d2, d3');
    expect(t).toContain('returns the same address in %rax');
    expect(t).toContain('More than two eightbytes');
  });

  it('every example, in both languages, without a crash and with its route', () => {
    for (const e of EXAMPLES) {
      for (const locale of ['en', 'zh'] as const) {
        const m = html(e.type, locale, e.definitions);
        expect(m, `${e.label} ${locale}`).toContain('abi-table--summary');
        expect(m).not.toContain('abi-explorer__problem');
      }
    }
  });

  it('the byte map marks padding in words, not only with a pattern', () => {
    const t = text(html('std::pair<int, double>'));
    expect(t).toMatch(/bytes 4–7 padding/);
    expect(t).toContain('%rax, bytes 4–7');
  });

  it('why std::shared_ptr goes through memory, from the simulator’s reason', () => {
    const t = text(html('std::shared_ptr<std::array<double, 4>>'));
    expect(t).toContain('declares a user-provided copy constructor');
    expect(t).toContain('Only 16 bytes, small enough for registers');
    expect(t).toContain('passes their address in x8');
  });

  it('a located message for bad input, the field marked invalid', () => {
    const m = html('std::array<double, 4');
    expect(m).toContain('aria-invalid="true"');
    const t = text(m);
    expect(t).toContain('Return type, column 21:');
    expect(t).toContain("expected '>' to close the template arguments at the end of the type");
    expect(m).not.toContain('abi-table--summary');
  });

  it('in Chinese, with the page language set and no English labels left', () => {
    const m = html('std::array<double, 2>', 'zh');
    expect(m).toContain('lang="zh-CN"');
    const t = text(m);
    expect(t).toContain('返回类型');
    expect(t).toContain('大小与对齐');
    expect(t).toContain('16 字节，按 8 字节对齐');
    expect(t).toContain('走寄存器：第 0–7 字节在 %xmm0，第 8–15 字节在 %xmm1。');
    for (const english of [
      'Return type',
      'Size and alignment',
      'Returned',
      'Where each byte goes',
      'bytes 0',
    ])
      expect(t).not.toContain(english);
  });
});
