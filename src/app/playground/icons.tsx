// The stepping buttons' icons: inline SVG (no icon font to fetch), hidden from assistive technology; the
// buttons carry their names.
const paths = {
  start: 'M6 5h2v14H6zM20 5v14L9 12z',
  back: 'M18 5v14L7 12zM5 5h2v14H5z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  forward: 'M6 5v14l11-7zM17 5h2v14h-2z',
  end: 'M4 5v14l11-7zM16 5h2v14h-2z',
  over: 'M4 16a8 8 0 0 1 15-4l1.5-1.5V16h-5.5l2-2A5.5 5.5 0 0 0 6.5 16zM10 19h4v2h-4z',
  out: 'M12 3l6 6h-4v6h-4V9H6zM5 19h14v2H5z',
  keyboard:
    'M3 6h18v12H3zM5 8v2h2V8zm3 0v2h2V8zm3 0v2h2V8zm3 0v2h2V8zm3 0v2h2V8zM5 11v2h2v-2zm3 0v2h2v-2zm3 0v2h2v-2zm3 0v2h2v-2zm3 0v2h2v-2zM7 14v2h10v-2z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
