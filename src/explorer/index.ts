/**
 * The ABI explorer, loaded on demand: importing this module costs a few hundred bytes; the widget,
 * its styles and the simulator's C++ front end arrive when a lesson first shows it.
 * Lessons use it as `<AbiExplorer type="std::array<double, 2>" />` through the MDX components map.
 */
import { createElement, lazy, Suspense } from 'react';
import type { AbiExplorerProps } from './AbiExplorer.tsx';

export type { AbiExplorerProps } from './AbiExplorer.tsx';

const LazyExplorer = lazy(() => import('./AbiExplorer.tsx'));

const LOADING: Record<AbiExplorerProps['locale'], string> = {
  en: 'Loading the ABI explorer…',
  zh: '正在加载 ABI 探索器……',
};

/** The explorer widget: a return type in, its layout and calling convention on x86-64 and AArch64 out. */
export function AbiExplorer(props: AbiExplorerProps) {
  const fallback = createElement(
    'p',
    { className: 'abi-explorer-loading', role: 'status' },
    LOADING[props.locale],
  );
  return createElement(Suspense, { fallback }, createElement(LazyExplorer, props));
}
