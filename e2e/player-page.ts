// A page object for the lesson player, and the watchers every player test uses. The expected values
// come from running the same program with the simulator here in Node: the page has to show what the
// trace says.
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProgram } from '../src/sim/run/index.ts';
import type { Trace } from '../src/sim/trace/types.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface ProgramRef {
  lesson: string;
  program: string;
  target?: 'x86_64' | 'aarch64';
  leftover?: 'zero' | 'runtime-data' | 'gc-object' | 'stale-stack';
}

/** A lesson program's files as they are on disk. */
export function programFiles(p: ProgramRef): { cpp: string; codon: string } {
  const dir = join(ROOT, 'content', 'lessons', p.lesson, 'programs', p.program);
  return {
    cpp: readFileSync(join(dir, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(dir, 'main.codon'), 'utf8'),
  };
}

/** The trace of a program, run by the simulator in Node. */
export function traceOf(p: ProgramRef, code = programFiles(p)): Trace {
  const result = runProgram({
    ...code,
    target: p.target ?? 'x86_64',
    leftover: p.leftover ?? 'runtime-data',
  });
  if (!result.trace) throw new Error(`${p.program} does not compile: ${JSON.stringify(result.diagnostics)}`);
  return result.trace;
}

/** Records what would make the page untrustworthy: requests to other origins, errors, failed loads. */
export function watch(page: Page, origin: string) {
  const foreignRequests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    // data: URLs never touch the network; blob: URLs carry the origin that made them.
    if (url.protocol !== 'data:' && url.origin !== origin) foreignRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('worker', (worker) => {
    const url = new URL(worker.url());
    if (url.origin !== origin && url.protocol !== 'blob:') foreignRequests.push(`worker ${worker.url()}`);
  });
  return { foreignRequests, problems };
}

/** The diagram's first-visit tour takes the focus: tests that are not about it start with it seen. */
export async function skipDiagramTour(context: BrowserContext) {
  await context.addInitScript(() => {
    try {
      localStorage.setItem('codon-lab.diagram-tour-seen', '1');
    } catch {
      // No storage: the tour shows, and the test will see it.
    }
  });
}

/** Opens players on the whole-machine view (tall editors that show whole programs), not the focus view. */
export async function showWholeMachine(target: BrowserContext | Page) {
  await target.addInitScript(() => {
    try {
      localStorage.setItem('codon-lab.machine-view', 'whole');
    } catch {
      // No storage: the focus view.
    }
  });
}

export class PlayerPage {
  readonly player: Locator;
  readonly position: Locator;
  readonly narration: Locator;
  readonly output: Locator;
  readonly findings: Locator;

  constructor(readonly page: Page) {
    this.player = page.getByTestId('player');
    this.position = page.getByTestId('position');
    this.narration = page.getByTestId('narration');
    this.output = page.getByTestId('output');
    this.findings = page.getByTestId('findings');
  }

  /** Opens a lesson (optionally a program of it, at a step) and waits for its first run. */
  async open(lesson: string, params: Record<string, string> = {}) {
    // These tests read whole programs from the editors: the whole-machine view gives them their full
    // height (the focus view, tested in one-screen.spec.ts, keeps them short around the current line).
    await this.page.addInitScript(() => {
      try {
        localStorage.setItem('codon-lab.machine-view', 'whole');
      } catch {
        // No storage: the focus view, with shorter editors.
      }
    });
    const query = new URLSearchParams({ v: '1', lesson, ...params });
    await this.page.goto(`./?${query.toString()}`);
    await this.waitForRun();
  }

  async waitForRun() {
    await expect(this.position).toHaveText(/^Step \d+ of \d+/, { timeout: 60_000 });
  }

  button(name: string): Locator {
    return this.player.getByRole('button', { name, exact: true });
  }

  /** The step number (1-based) and the run's length, as the player shows them. */
  async where(): Promise<{ step: number; total: number }> {
    const text = (await this.position.textContent()) ?? '';
    const match = /Step (\d+) of (\d+)/.exec(text);
    if (!match) throw new Error(`no position in "${text}"`);
    return { step: Number(match[1]), total: Number(match[2]) };
  }

  editor(side: 'cpp' | 'codon'): Locator {
    return this.page.getByTestId(`editor-${side}`);
  }

  /** Waits until both Monaco editors have replaced the plain-text fallback. */
  async waitForEditors() {
    for (const side of ['cpp', 'codon'] as const) {
      await expect(this.editor(side).locator('.monaco-editor .view-lines')).toContainText(/\S/, {
        timeout: 60_000,
      });
    }
  }

  /** The element Monaco types into (named after the program and its file). */
  editorInput(side: 'cpp' | 'codon'): Locator {
    return this.page.getByRole('textbox', { name: side === 'cpp' ? /^C\+\+ library/ : /^Codon program/ });
  }

  /** The text Monaco shows in one editor, with its non-breaking spaces made plain. */
  async editorText(side: 'cpp' | 'codon'): Promise<string> {
    const text = await this.editor(side).locator('.monaco-editor .view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** The line the player marks as executing in an editor (0 when none). */
  async currentLine(side: 'cpp' | 'codon'): Promise<number> {
    return Number((await this.editor(side).getAttribute('data-current-line')) ?? 0);
  }
}
