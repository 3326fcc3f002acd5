// The handout is printed on white whatever the page's theme. The diagram's colours are custom properties
// that the dark and contrast themes redefine on `.mdiag`; the handout takes the light set from the first
// `.mdiag { ... }` rule of diagram.css itself, so it can never drift from what the diagram draws.

/** The custom properties (`--md-...: value;`) of the first `.mdiag { ... }` rule in `css`. */
export function lightDiagramProperties(css: string): string {
  const match = /(^|\n)\.mdiag\s*\{([^}]*)\}/.exec(css);
  if (!match) return '';
  const body = (match[2] as string).replace(/\/\*[\s\S]*?\*\//g, '');
  return body
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d.startsWith('--'))
    .map((d) => `${d.replace(/\s+/g, ' ')};`)
    .join('\n');
}

/**
 * A rule giving every diagram inside `scope` the light palette. Its selector outweighs the theme rules
 * (`:root[data-theme='dark'] .mdiag`, three classes' weight) by one class.
 */
export function lightDiagramRule(css: string, scope: string): string {
  const properties = lightDiagramProperties(css);
  return `:root ${scope} .mdiag.mdiag {\n${properties}\n}`;
}
