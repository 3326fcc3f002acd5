// The page's store instance and the React hook that reads it, one value per selector.
import { useStore } from 'zustand';
import { welcomeLesson } from './lessons';
import { createAppStore, type AppState } from './store';

export const appStore = createAppStore({ lessonId: welcomeLesson.id, lessonCode: welcomeLesson.code });

/** Reads one slice of the app state and re-renders when it changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
