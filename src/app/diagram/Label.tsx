import type { SVGProps } from 'react';
import { clipToWidth } from './text-fit.ts';

type LabelProps = Omit<SVGProps<SVGTextElement>, 'children'> & {
  /** The whole text. */
  text: string;
  /** The width it may take, in SVG units; Infinity when the layout gave it room. */
  width: number;
  /** Its font size (the CSS class sets the same), for the width estimate. */
  px: number;
};

/**
 * An SVG label. The layout gives every label room on a desktop; where it cannot (a phone's one column),
 * the label is shortened with an ellipsis and keeps its whole text as its tooltip (`<title>`) and its
 * accessible name. `data-full` says it was shortened, so a test can tell our cut from a long word.
 */
export function Label({ text, width, px, ...props }: LabelProps) {
  const shown = Number.isFinite(width) ? clipToWidth(text, width, px) : text;
  if (shown === text) return <text {...props}>{text}</text>;
  return (
    <text {...props} data-full={text} aria-label={text}>
      <title>{text}</title>
      {shown}
    </text>
  );
}
