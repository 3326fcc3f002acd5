// Chinese everywhere (issue 15): a learner on the Chinese course types a mistake into the Codon editor
// with the keyboard and reads the checker's message in Chinese in the findings panel (the editor's marker
// gets the same text from marks.ts), with Codon's own English words after it (so the real compiler's
// message is familiar).
import { expect, test } from '@playwright/test';

test('a bad edit in the Codon editor of a Chinese lesson is told in Chinese', async ({ page }) => {
  await page.goto('./?v=1&lesson=02-the-bug&program=bug&lang=zh');
  const editor = page.getByRole('textbox', { name: /^Codon 程序/ });
  await expect(editor).toBeAttached({ timeout: 60_000 });
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nprint(zz)');

  const findings = page.getByTestId('findings');
  const message = findings.locator('.finding__message', { hasText: "名字 'zz' 未定义" });
  await expect(message).toBeVisible({ timeout: 30_000 });
  await expect(message).toContainText("（Codon 原文：name 'zz' is not defined）");
});
