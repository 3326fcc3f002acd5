import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lightDiagramProperties, lightDiagramRule } from './palette';

const diagramCss = readFileSync(new URL('../diagram/diagram.css', import.meta.url), 'utf8');

describe('the handout palette', () => {
  it('takes the light palette from the diagram stylesheet', () => {
    const props = lightDiagramProperties(diagramCss);
    expect(props).toContain('--md-bg: #ffffff;');
    expect(props).toContain('--md-ink: #1d232b;');
    // Not the dark theme's values, and nothing but custom properties.
    expect(props).not.toContain('#16191d');
    for (const line of props.split('\n')) expect(line).toMatch(/^--md-[a-z-]+: .+;$/);
  });

  it('keeps a value that spans lines', () => {
    expect(lightDiagramProperties('.mdiag {\n  --md-mono:\n    a, b;\n  color: red;\n}')).toBe(
      '--md-mono: a, b;',
    );
  });

  it('scopes the rule to the handout', () => {
    const rule = lightDiagramRule(diagramCss, '.handout');
    expect(rule.startsWith(':root .handout .mdiag.mdiag {')).toBe(true);
    expect(rule.trim().endsWith('}')).toBe(true);
  });

  it('says nothing when the stylesheet has no such rule', () => {
    expect(lightDiagramProperties('.other { --md-bg: red; }')).toBe('');
  });
});
