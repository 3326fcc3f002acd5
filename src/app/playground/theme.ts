// The theme in effect: the learner's choice, or the system's light or dark.
import { useEffect } from 'react';
import type { EditorTheme } from '../../editor/CodeEditor';
import type { ThemeSetting } from '../store/types';
import { useMediaQuery } from '../ui/hooks';

export type ResolvedTheme = 'light' | 'dark' | 'contrast';

/** The theme a setting means right now. */
export function useResolvedTheme(setting: ThemeSetting): ResolvedTheme {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  return setting === 'system' ? (dark ? 'dark' : 'light') : setting;
}

/** Monaco's built-in theme for a page theme (high contrast is light: projectors wash out dark themes). */
export function editorTheme(theme: ResolvedTheme): EditorTheme {
  return theme === 'dark' ? 'vs-dark' : theme === 'contrast' ? 'hc-light' : 'vs';
}

/** Puts the theme on an element as `data-theme` (none for `system`: the CSS follows the system then). */
export function useThemeAttribute(element: HTMLElement | null, setting: ThemeSetting) {
  useEffect(() => {
    if (!element) return;
    if (setting === 'system') element.removeAttribute('data-theme');
    else element.setAttribute('data-theme', setting);
  }, [element, setting]);
}

/** Whether motion should be reduced: the learner's setting, or the system's. */
export function useReducedMotion(setting: 'system' | 'reduce' | 'full'): boolean {
  const system = useMediaQuery('(prefers-reduced-motion: reduce)');
  return setting === 'system' ? system : setting === 'reduce';
}
