// A pane size (a fraction) that survives a reload, per layout key.
import { useCallback, useState } from 'react';
import { browserStorage, SITE_NAMESPACE } from '../store/storage';

export function useStoredFraction(key: string, initial: number): [number, (value: number) => void] {
  const storageKey = `${SITE_NAMESPACE}layout:${key}`;
  const [value, setValue] = useState(() => {
    const stored = Number(browserStorage().getItem(storageKey));
    return stored > 0 && stored < 1 ? stored : initial;
  });
  const update = useCallback(
    (next: number) => {
      setValue(next);
      try {
        browserStorage().setItem(storageKey, next.toFixed(3));
      } catch {
        // Not kept: the layout resets on reload, nothing else is lost.
      }
    },
    [storageKey],
  );
  return [value, update];
}
