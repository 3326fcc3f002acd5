// Types of @codon-interop-lab/playground (written by hand to match src/embed/lib.tsx; the library build
// copies this file; src/embed/lib-types.test.ts checks, at typecheck, that they match lib.tsx).
import type { JSX } from 'react';

export type EmbedTarget = 'x86_64' | 'aarch64';
export type EmbedTheme = 'system' | 'light' | 'dark' | 'contrast';
export type Pane = 'code' | 'diagram' | 'narration' | 'controls';
export type Leftover = 'zero' | 'runtime-data' | 'gc-object' | 'stale-stack';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PlaygroundProps {
  lesson?: string;
  program?: string;
  step?: number;
  target?: EmbedTarget;
  leftover?: Leftover;
  theme?: EmbedTheme;
  locale?: 'en' | 'zh';
  panes?: readonly Pane[];
  readOnly?: boolean;
  tutorialUrl?: string;
  storage?: KeyValueStorage;
}

export declare function Playground(props: PlaygroundProps): JSX.Element;
export declare const PROTOCOL: 'codon-lab-embed';
export declare const PROTOCOL_VERSION: 1;
export declare function parseCommand(data: unknown): object | null;
