// The lesson's MDX tags as the handout prints them: the site's map, with every interactive widget
// replaced by its paper form.
import type { MDXComponents } from 'mdx/types';
import type { ReactNode } from 'react';
import { mdxComponents } from '../../mdx/components';
import { HandoutPlayground } from './Playground';
import { HandoutChoice, HandoutExplain, HandoutPredict } from './Predict';
import {
  HandoutCite,
  HandoutCompare,
  HandoutDownload,
  HandoutEvidence,
  HandoutExercise,
  HandoutLink,
  HandoutPre,
  HandoutTerm,
} from './Widgets';

/** The lesson's `# Title`. */
function Title({ children }: { children?: ReactNode }) {
  return <h1 id="handout-title">{children}</h1>;
}

export const handoutComponents: MDXComponents = {
  ...mdxComponents,
  h1: Title,
  a: HandoutLink,
  pre: HandoutPre,
  Playground: HandoutPlayground,
  Predict: HandoutPredict,
  Choice: HandoutChoice,
  Explain: HandoutExplain,
  Exercise: HandoutExercise,
  Compare: HandoutCompare,
  Download: HandoutDownload,
  Cite: HandoutCite,
  Term: HandoutTerm,
  Evidence: HandoutEvidence,
};
