/* global document */
// The example consumer of the library build: a page whose MDX imports the Playground component.
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@codon-interop-lab/playground/style.css';
import Page from './Page.mdx';

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(createElement(StrictMode, null, createElement(Page)));
