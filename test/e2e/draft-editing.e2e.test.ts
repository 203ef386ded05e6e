import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/channels';
import { cursorAtEnd, queryDatabase, startDraft, useApp, waitSaved } from './harness';

const current = useApp();

/** The body text of a unit of the open law, by its eId-like address within the editor. */
function unitBody(page: Page, articleNum: string, paragraphNum: string) {
  return page.locator(`.zan-article[data-num="${articleNum}"] > .zan-unit-content > .zan-paragraph[data-num="${paragraphNum}"] > .zan-unit-content > .zan-body`);
}

/** The stored text of paragraph `para` of article `art` in every draft version of the database file in one language (a new package amends the Kazakh text too). */
function storedDraftText(file: string, art: string, para: string, lang = 'ru'): string[] {
  const rows = queryDatabase<{ text: string }>(
    file,
    `SELECT p.text FROM provision p JOIN version v ON v.id = p.version_id JOIN expression e ON e.id = v.expression_id
     JOIN provision a ON a.version_id = p.version_id AND a.uid = p.parent_uid
     WHERE v.status = 'draft' AND e.lang = ? AND a.kind = 'article' AND a.num = ? AND p.kind = 'paragraph' AND p.num = ?`,
    lang,
    art,
    para,
  );
  return rows.map((r) => r.text);
}

describe('drafting in the real renderer', () => {
  it('edits a paragraph in a new package; after a reload the edit is there, and in the SQLite file', async () => {
    const { page } = current();
    await startDraft(page);
    const body = unitBody(page, '5', '1');
    const before = await body.innerText();
    await cursorAtEnd(page, body);
    await page.keyboard.type(' (ПРАВКА-1)');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).not.toBe('saved');
    await waitSaved(page);

    await page.reload();
    await page.locator('.zan-editor.is-editable').waitFor();
    expect(await unitBody(page, '5', '1').innerText()).toBe(`${before} (ПРАВКА-1)`.replace(/\n$/, ''));
    expect(storedDraftText(current().databaseFile, '5', '1')).toEqual([expect.stringContaining('(ПРАВКА-1)')]);

    // The text in force is untouched: open it from the library.
    await page.goto(current().url);
    await page.getByTestId('open-science-technology-policy-ru').click();
    await page.locator('.zan-editor.is-readonly').waitFor();
    expect(await unitBody(page, '5', '1').innerText()).not.toContain('ПРАВКА-1');
    expect(await page.getByTestId('package-card').count()).toBe(0); // the library lists packages, not this view
  });

  it('Enter adds a paragraph numbered the Kazakh way, Ctrl+Z takes it back, and the package is listed', async () => {
    const { page } = current();
    await startDraft(page);
    await cursorAtEnd(page, unitBody(page, '5', '1'));
    await page.keyboard.press('Enter');
    await page.keyboard.type('Новый пункт о совместных лабораториях.');
    const inserted = page.locator('.zan-article[data-num="5"] .zan-paragraph[data-num="1-1"]');
    await expect.poll(() => inserted.count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => inserted.count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => inserted.count()).toBe(1);
    await page.keyboard.press('Control+s');
    await waitSaved(page);
    expect(storedDraftText(current().databaseFile, '5', '1-1')).toEqual(['Новый пункт о совместных лабораториях.']);
    // Made in the Kazakh draft too, with no text yet (to translate).
    expect(storedDraftText(current().databaseFile, '5', '1-1', 'kk')).toEqual(['']);

    // After 2 comes the existing 2-1: no Kazakh number fits, so nothing is inserted and the drafter is told why.
    await cursorAtEnd(page, unitBody(page, '5', '2'));
    await page.keyboard.press('Enter');
    await page.locator('.notice').waitFor();
    expect(await page.locator('.notice').innerText()).toContain('2-1');
    expect(await page.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph').evaluateAll((els) => els.map((e) => e.getAttribute('data-num')))).toEqual(['1', '1-1', '2', '2-1', '3', '4']);

    await page.getByRole('button', { name: /К библиотеке/ }).click();
    await page.getByTestId('package-card').first().waitFor();
    expect(await page.getByTestId('package-card').first().innerText()).toContain('О научно-технической политике');
  });

  it('rejects malformed IPC payloads with an error code, and the page cannot run injected script', async () => {
    const { page } = current();
    await page.locator('.work-card').first().waitFor();
    const replies = await page.evaluate(async () => {
      const api = window.zan as unknown as Record<string, (input: unknown) => Promise<unknown>>;
      return {
        wrongType: await api['saveDraft']?.({ versionId: 42, revision: 'x', upserts: 'all', deletes: [] }),
        extraField: await api['listLibrary']?.({ sql: 'DROP TABLE work' }),
        unknownChannel: JSON.parse(await window.__zanInvoke('zan:dropEverything', '{}')) as unknown,
        keys: Object.keys(window.zan).sort(),
      };
    });
    expect(replies.wrongType).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(replies.extraField).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(replies.unknownChannel).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(replies.keys).toEqual([...CHANNEL_NAMES].sort());
    // The CSP forbids inline script: an injected <script> does not run, and the violation is reported.
    const csp = await page.evaluate(async () => {
      const violation = new Promise<string>((ok) => document.addEventListener('securitypolicyviolation', (e) => ok(e.violatedDirective), { once: true }));
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      return { ran: (window as unknown as { __injected?: boolean }).__injected === true, violated: await violation };
    });
    expect(csp).toEqual({ ran: false, violated: expect.stringMatching(/^script-src/) });
  });

  it('switches the interface to English while the law keeps its own language', async () => {
    const { page } = current();
    await page.getByTestId('ui-language').selectOption('en');
    await page.getByText('Laws in force').waitFor();
    await page.getByTestId('open-science-technology-policy-ru').click();
    await page.locator('.zan-law').waitFor();
    expect(await page.locator('.document-title').innerText()).toContain('О научно-технической политике');
    expect(await page.getByTestId('new-package').innerText()).toContain('Start a draft amending law');
    const label = await page.locator('.zan-article[data-num="5"] > .zan-num').evaluate((el) => getComputedStyle(el, '::before').content);
    expect(label).toBe('"Статья "');
  });
});
