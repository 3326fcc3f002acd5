/** Turns an id from React's useId into something safe inside url(#...) and as an SVG id prefix. */
export function svgPrefix(id: string): string {
  return `md${id.replace(/[^a-zA-Z0-9]/g, '')}`;
}
