// What the site gives every page and MDX widget: navigation between course routes and the learner's
// progress. A lesson rendered elsewhere (an embed, a test) works without it: links then stay plain.
import { createContext, useContext } from 'react';
import type { ProgressStore } from '../course/progress';
import type { Route } from './routes';

export interface SiteContextValue {
  progress: ProgressStore;
  navigate: (route: Route, hash?: string) => void;
  hrefFor: (route: Route, hash?: string) => string;
}

export const SiteContext = createContext<SiteContextValue | null>(null);

/** The site around this component, or null outside the site. */
export function useSite(): SiteContextValue | null {
  return useContext(SiteContext);
}
