// The playground as a React component (the library build, `npm run build:lib`; README, "Library"): a docs
// site imports it in its own MDX. React is the host's (a peer dependency); the simulator worker, Monaco
// and the CSS come with the package.
import { useMemo } from 'react';
import type { Leftover } from '../sim/machine/machine';
import type { KeyValueStorage } from '../app/store/storage';
import { EmbedApp } from './EmbedApp';
import '../app/app.css';
import './embed.css';
import { PANES, type EmbedParams, type Pane } from './params';
import type { EmbedTarget, EmbedTheme } from './protocol';

export interface PlaygroundProps {
  /** A lesson id (`02-the-bug`); the first lesson when absent. */
  lesson?: string;
  /** One of the lesson's programs; its first when absent. */
  program?: string;
  /** The step to open on (0-based). */
  step?: number;
  target?: EmbedTarget;
  leftover?: Leftover;
  /** Sets `data-theme` on the host document when given (the CSS themes hang on it); else follows it. */
  theme?: EmbedTheme;
  locale?: 'en' | 'zh';
  panes?: readonly Pane[];
  readOnly?: boolean;
  /** The full tutorial's address (its index.html), for the "Open in the full tutorial" link; no link when absent. */
  tutorialUrl?: string;
  /** Where edits are kept (localStorage, under the embed namespace, by default). */
  storage?: KeyValueStorage;
}

export function Playground(props: PlaygroundProps) {
  const { lesson, program, step, target, leftover, theme, locale, panes, readOnly } = props;
  const params: EmbedParams = useMemo(
    () => ({
      link: {
        ...(lesson ? { lesson } : {}),
        ...(program ? { program } : {}),
        ...(step !== undefined ? { step } : {}),
        ...(target ? { target } : {}),
        ...(leftover ? { leftover } : {}),
        ...(locale ? { locale } : {}),
      },
      theme: theme ?? 'system',
      panes: panes && panes.length > 0 ? panes : PANES,
      readOnly: readOnly ?? false,
      id: '',
      origins: [],
      restricted: true,
      problems: [],
    }),
    [lesson, program, step, target, leftover, theme, locale, panes, readOnly],
  );
  return (
    <EmbedApp
      // A new program is a new player.
      key={`${lesson}/${program}`}
      params={params}
      tutorialUrl={props.tutorialUrl ?? ''}
      bridge={false}
      themeDocument={theme !== undefined}
      keys="player"
      titleLevel={2}
      {...(props.storage ? { storage: props.storage } : {})}
    />
  );
}

export { parseCommand, PROTOCOL, PROTOCOL_VERSION } from './protocol';
export type { EmbedCommand, EmbedEvent, EmbedFinding, EmbedTarget, EmbedTheme } from './protocol';
export type { Pane } from './params';
