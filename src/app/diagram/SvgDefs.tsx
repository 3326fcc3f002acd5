/** Patterns and arrowheads shared by one diagram; ids carry the diagram's prefix (two diagrams can share a page). */
export function SvgDefs({ prefix }: { prefix: string }) {
  return (
    <defs>
      {/* Dead: diagonal hatching. Freed: cross-hatching. Collected: dots. Never colour alone. */}
      <pattern
        id={`${prefix}-hatch`}
        width="8"
        height="8"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="8" height="8" className="md-pat-bg md-pat-bg--dead" />
        <line x1="0" y1="0" x2="0" y2="8" className="md-pat-ink md-pat-ink--dead" strokeWidth="2.5" />
      </pattern>
      <pattern
        id={`${prefix}-cross`}
        width="9"
        height="9"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="9" height="9" className="md-pat-bg md-pat-bg--freed" />
        <line x1="0" y1="0" x2="0" y2="9" className="md-pat-ink md-pat-ink--freed" strokeWidth="2" />
        <line x1="0" y1="0" x2="9" y2="0" className="md-pat-ink md-pat-ink--freed" strokeWidth="2" />
      </pattern>
      <pattern id={`${prefix}-dots`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" className="md-pat-bg md-pat-bg--collected" />
        <circle cx="4" cy="4" r="1.6" className="md-pat-dot md-pat-ink--collected" />
      </pattern>
      {(['valid', 'dangling', 'unowned'] as const).map((k) => (
        <marker
          key={k}
          id={`${prefix}-head-${k}`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className={`md-head md-head--${k}`} />
        </marker>
      ))}
    </defs>
  );
}
