import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { basename, dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { record } from '../../electron/services/audit/log';
import { describeFindings, seriousViolations } from './axe';
import { queryDatabase, replaceWord, startDraft, useApp, waitSaved, type E2EApp } from './harness';

const current = useApp();

const P1 = '.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="1"] > .zan-unit-content > .zan-body';
const NAME = 'Айгерим Сапарова';
const ROLE = 'Департамент науки';

/** Who works, set in the title bar as a drafter does before starting (entries are signed with it). */
async function signIn(page: Page): Promise<void> {
  await page.getByTestId('identity').click();
  await page.getByTestId('identity-name').fill(NAME);
  await page.getByTestId('identity-role').fill(ROLE);
  await page.getByTestId('identity-save').click();
  await expect.poll(() => page.getByTestId('identity').innerText()).toContain(NAME);
}

/** A draft with one word replaced in article 5, paragraph 1, saved and annotated with a gap; returns the package's id. */
async function editedAndAnnotated(page: Page): Promise<string> {
  await signIn(page);
  await startDraft(page);
  await replaceWord(page, P1, 'создаются', 'образуются');
  await expect.poll(() => page.getByTestId('amendment').count()).toBe(1);
  await waitSaved(page);
  await page.getByTestId('annotate').first().click();
  await page.getByTestId('gap-STATE_CAP').check();
  await page.getByTestId('justification').fill('Советы создаются без участия государства.');
  await page.getByTestId('save-annotation').click();
  await page.getByTestId('gap-chip').first().waitFor();
  const [, packageId] = /#\/draft\/([^/]+)\//.exec(page.url()) ?? [];
  expect(packageId).toBeTruthy();
  return packageId as string;
}

/** From the draft to its package's audit log, as a drafter goes: the documents of the draft, then their "audit log" button. */
async function openAudit(page: Page): Promise<void> {
  await page.getByTestId('open-documents').click();
  await page.getByTestId('amending-law').waitFor();
  await page.getByTestId('open-audit').click();
  await page.getByTestId('audit-table').waitFor();
}

interface Stored {
  seq: number;
  action: string;
  actor: string;
  role: string;
  uid: string | null;
  detail: string;
}

/** The package's entries as the database holds them, newest first. */
function storedEntries(file: string, packageId: string): Stored[] {
  return queryDatabase<Stored>(file, 'SELECT seq, action, actor, role, uid, detail FROM audit_log WHERE package_id = ? ORDER BY seq DESC', packageId);
}

/** The entries the view lists now, top to bottom. */
async function listed(page: Page): Promise<{ seq: number; action: string }[]> {
  const rows = page.getByTestId('audit-entry');
  return (await rows.evaluateAll((els) => els.map((el) => ({ seq: Number((el as HTMLElement).dataset['seq']), action: (el as HTMLElement).dataset['action'] ?? '' })))) as { seq: number; action: string }[];
}

describe('the audit view', () => {
  it('lists the save and the annotation signed by the drafter, filters them, checks the log, exports CSV and JSON', async () => {
    const { page, databaseFile } = current();
    const packageId = await editedAndAnnotated(page);

    await openAudit(page);
    const [pkg] = queryDatabase<{ title: string }>(databaseFile, 'SELECT title FROM package WHERE id = ?', packageId);
    expect(await page.getByTestId('audit-package-title').innerText()).toBe(pkg?.title);

    // Every entry of the package, newest first, as the database has them.
    const stored = storedEntries(databaseFile, packageId);
    await expect.poll(() => listed(page)).toEqual(stored.map((e) => ({ seq: e.seq, action: e.action })));
    expect(stored.map((e) => e.action)).toEqual(expect.arrayContaining(['save', 'annotate', 'create-package']));
    expect(await page.getByTestId('audit-count').innerText()).toBe(`${stored.length} из ${stored.length} ${stored.length % 10 === 1 && stored.length % 100 !== 11 ? 'записи' : 'записей'}`);

    // The annotation: who and in what role, the action in Russian, the provision by its label, the gap by its name.
    const annotate = page.locator('[data-testid="audit-entry"][data-action="annotate"]');
    expect(await annotate.count()).toBe(1);
    expect(await annotate.getByTestId('audit-who').innerText()).toBe(`${NAME}\n${ROLE}`);
    expect(await annotate.getByTestId('audit-what').innerText()).toBe('Пробелы и обоснование');
    expect(await annotate.getByTestId('audit-entry-provision').innerText()).toBe('Статья 5, пункт 1');
    expect(await annotate.getByTestId('audit-summary').innerText()).toBe('пробелы: Ограниченные возможности государства');
    // A save: the word replaced is one unit changed, in the Russian text, signed by the same drafter.
    const save = page.locator('[data-testid="audit-entry"][data-action="save"]').first();
    expect(await save.getByTestId('audit-what').innerText()).toBe('Сохранение');
    expect(await save.getByTestId('audit-who').innerText()).toContain(NAME);
    expect(await save.getByTestId('audit-summary').innerText()).toMatch(/^РУС\s+1 единица изменена$/);
    // Its stored record opens under it, from the keyboard.
    await save.getByTestId('audit-expand').focus();
    await page.keyboard.press('Enter');
    expect(await save.getByTestId('audit-expand').getAttribute('aria-expanded')).toBe('true');
    const raw = JSON.parse(await save.getByTestId('audit-raw').innerText()) as { units: [string, string][] };
    const lastSave = stored.find((e) => e.action === 'save') as Stored;
    expect(raw).toEqual(JSON.parse(lastSave.detail));

    // Filtered by action: only the saves, and the count says so.
    await page.getByTestId('audit-action').selectOption('save');
    const saves = stored.filter((e) => e.action === 'save');
    await expect.poll(() => listed(page)).toEqual(saves.map((e) => ({ seq: e.seq, action: 'save' })));
    expect(await page.getByTestId('audit-count').innerText()).toMatch(new RegExp(`^${saves.length} из ${stored.length} `));
    // …and by words (any case): none of the saves names a gap.
    await page.getByTestId('audit-search').fill('ОГРАНИЧЕННЫЕ');
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(0);
    await page.getByTestId('audit-action').selectOption('');
    await expect.poll(() => listed(page)).toEqual([{ seq: stored.find((e) => e.action === 'annotate')?.seq, action: 'annotate' }]);
    await page.getByTestId('audit-search').fill('');

    // Check the whole log: it holds, every entry signed.
    await page.getByTestId('audit-verify').click();
    const ok = page.getByTestId('audit-check-ok');
    await ok.waitFor();
    const all = queryDatabase<{ n: number }>(databaseFile, 'SELECT COUNT(*) AS n FROM audit_log')[0]?.n ?? 0;
    expect(await ok.innerText()).toMatch(new RegExp(`^Журнал цел: в нём ${all} запис\\S*, подписано ${all}\\.$`));
    expect(await page.getByTestId('audit-check-status').getAttribute('role')).toBe('status');
    expect(await page.getByTestId('audit-check-failed').count()).toBe(0);

    // Export CSV, then JSON: each saved where the dialog said (the test's folder), each logged in turn.
    await page.getByTestId('audit-export-csv').click();
    await expect.poll(() => page.getByTestId('audit-export-status').innerText()).toMatch(/\.csv$/);
    const csvPath = (await page.getByTestId('audit-export-status').innerText()).replace(/^[^:]*:\s*/, '');
    expect(dirname(csvPath)).toBe(dirname(databaseFile));
    expect(existsSync(csvPath)).toBe(true);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv).toContain('Действие');
    expect(csv).toContain(NAME);

    await page.getByTestId('audit-export-json').click();
    await expect.poll(() => page.getByTestId('audit-export-status').innerText()).toMatch(/\.json$/);
    const jsonPath = (await page.getByTestId('audit-export-status').innerText()).replace(/^[^:]*:\s*/, '');
    expect(dirname(jsonPath)).toBe(dirname(databaseFile));
    const exported = JSON.parse(readFileSync(jsonPath, 'utf8')) as { package: { id: string }; entries: { seq: number }[] };
    expect(exported.package.id).toBe(packageId);
    // The file holds every entry of the package up to its own export, which is logged after it is written.
    const seqs = queryDatabase<{ seq: number; action: string; detail: string }>(databaseFile, 'SELECT seq, action, detail FROM audit_log WHERE package_id = ? ORDER BY seq', packageId);
    const own = seqs.at(-1) as { seq: number; action: string; detail: string };
    expect([own.action, (JSON.parse(own.detail) as { file: string }).file]).toEqual(['export', basename(jsonPath)]);
    expect(exported.entries.map((e) => e.seq)).toEqual(seqs.slice(0, -1).map((e) => e.seq));
    // The view reads the log again: the two exports are at the top.
    await expect.poll(async () => (await listed(page)).slice(0, 2).map((e) => e.action)).toEqual(['export', 'export']);
    expect(await page.getByTestId('audit-summary').first().innerText()).toBe(`Журнал действий → ${basename(jsonPath)}`);
  });

  it('opened from a provision lists its entries only (its saves too), until let go; reached from the palette and the documents view', async () => {
    const { page, databaseFile } = current();
    const packageId = await editedAndAnnotated(page);
    const annotation = queryDatabase<{ uid: string }>(databaseFile, "SELECT uid FROM audit_log WHERE package_id = ? AND action = 'annotate'", packageId)[0]?.uid as string;

    // From the palette in the draft.
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('журнал действий');
    await expect.poll(() => page.getByTestId('palette-command').first().getAttribute('data-command')).toBe('app.audit');
    await page.keyboard.press('Enter');
    await page.getByTestId('audit-table').waitFor();
    expect(page.url()).toContain(`#/audit/${packageId}`);

    // The provision of the annotation: a click keeps its entries — the annotation and each save of its text.
    await page.locator('[data-testid="audit-entry"][data-action="annotate"]').getByTestId('audit-entry-provision').click();
    await expect.poll(() => page.url()).toContain(`#/audit/${packageId}/${annotation}`);
    expect(await page.getByTestId('audit-provision').innerText()).toContain('Статья 5, пункт 1');
    const concern = storedEntries(databaseFile, packageId).filter((e) => e.uid === annotation || (e.action === 'save' && (JSON.parse(e.detail) as { units: [string, string][] }).units.some(([u]) => u === annotation)));
    expect(concern.map((e) => e.action)).toEqual(expect.arrayContaining(['annotate', 'save']));
    await expect.poll(() => listed(page)).toEqual(concern.map((e) => ({ seq: e.seq, action: e.action })));
    const findings = await seriousViolations(page);
    expect(findings.length ? describeFindings('audit view, one provision', findings) : '', 'axe-core found serious or critical violations').toBe('');

    // Let go: the whole package again; back to its documents, whose button opens the log from the keyboard.
    await page.getByTestId('audit-all-provisions').click();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(storedEntries(databaseFile, packageId).length);
    await page.getByTestId('audit-back').click();
    await page.getByTestId('amending-law').waitFor();
    await page.getByTestId('open-audit').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('audit-table').waitFor();
    expect(page.url()).toMatch(new RegExp(`#/audit/${packageId}$`));
  });

  it('a log of three thousand entries is drawn near its visible part, reaches its first entry by scrolling, and is searched at once', { timeout: 120_000 }, async () => {
    const app: E2EApp = current();
    const { page, databaseFile } = app;
    const packageId = await editedAndAnnotated(page);
    // Logged as the main process logs an export, by the same service, in this process (the app's own context).
    const MANY = 3000;
    for (let i = 1; i <= MANY; i++) record(app.ctx, packageId, null, 'export', { document: 'table', format: 'docx', lang: 'ru', file: `Таблица-${i}.docx`, sha256: 'x' });
    const total = storedEntries(databaseFile, packageId).length;
    await openAudit(page);
    await expect.poll(() => page.getByTestId('audit-count').innerText()).toBe(`${total} из ${total} ${total % 10 === 1 && total % 100 !== 11 ? 'записи' : 'записей'}`);
    // Drawn near the view only: far fewer rows in the page than entries.
    expect(await page.getByTestId('audit-entry').count()).toBeLessThan(300);
    expect((await listed(page))[0]).toEqual({ seq: Math.max(...storedEntries(databaseFile, packageId).map((e) => e.seq)), action: 'export' });
    // Scrolled to the end (jumps, as the scroll bar's thumb dragged down), the oldest entry — the package's creation — is drawn.
    for (let k = 0, still = 0; k < 50 && still < 3; k++) {
      const moved = await page.locator('.content').evaluate((el) => {
        const before = el.scrollTop;
        el.scrollTop = el.scrollHeight;
        return el.scrollTop !== before;
      });
      still = moved ? 0 : still + 1;
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    }
    const first = storedEntries(databaseFile, packageId).at(-1) as Stored;
    await expect.poll(async () => (await listed(page)).at(-1)).toEqual({ seq: first.seq, action: first.action });
    // Words find the one entry among thousands (its file's name, in another case).
    await page.getByTestId('audit-search').fill('таблица-1234.docx');
    await expect.poll(() => page.getByTestId('audit-count').innerText()).toMatch(new RegExp(`^1 из ${total} `));
    expect(await page.getByTestId('audit-summary').innerText()).toBe('Сравнительная таблица → Таблица-1234.docx');
  });

  it('a log edited behind the app’s back: the check names the first entry that does not hold, as an alert', async () => {
    const { page, databaseFile } = current();
    const packageId = await editedAndAnnotated(page);
    await openAudit(page);
    // What someone with the file could do: drop the append-only triggers and rewrite the annotation's detail.
    const target = storedEntries(databaseFile, packageId).find((e) => e.action === 'annotate') as Stored;
    const db = new Database(databaseFile);
    try {
      for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string }[]) db.exec(`DROP TRIGGER "${name}"`);
      db.prepare('UPDATE audit_log SET detail = ? WHERE seq = ?').run(JSON.stringify({ gaps: [], notes: 'x', status: 'proposed' }), target.seq);
    } finally {
      db.close();
    }
    await page.getByTestId('audit-verify').click();
    const alert = page.getByTestId('audit-check-failed');
    await alert.waitFor();
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.locator('p').first().innerText()).toBe(`Журнал нарушен: первая неверная запись — № ${target.seq}.`);
    expect(await alert.locator('p[lang="en"]').innerText()).not.toBe('');
    expect(await page.getByTestId('audit-check-ok').count()).toBe(0);
  });

  it('opened from an amendment’s history; says so in English and Kazakh: the provision, the action names and the check', async () => {
    const { page, databaseFile } = current();
    const packageId = await editedAndAnnotated(page);
    const annotation = queryDatabase<{ uid: string }>(databaseFile, "SELECT uid FROM audit_log WHERE package_id = ? AND action = 'annotate'", packageId)[0]?.uid as string;
    // The amendment's own history in the panel leads to the log of its provision.
    await page.getByTestId('history').first().click();
    await page.getByTestId('history-list').waitFor();
    await page.getByTestId('history-audit').click();
    await page.getByTestId('audit-table').waitFor();
    expect(page.url()).toContain(`#/audit/${packageId}/${annotation}`);
    expect(await page.getByTestId('audit-provision').innerText()).toContain('Статья 5, пункт 1');
    expect((await listed(page)).map((e) => e.action)).toContain('annotate');
    await page.getByTestId('ui-language').selectOption('kk');
    await expect.poll(() => page.locator('[data-testid="audit-entry"][data-action="save"]').first().getByTestId('audit-what').innerText()).toBe('Сақтау');
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-check-ok').innerText()).toMatch(/^Журнал бүтін: онда \d+ жазба бар/);
    await page.getByTestId('ui-language').selectOption('en');
    await expect.poll(() => page.getByTestId('audit-check-ok').innerText()).toMatch(/^The log holds: \d+ entries in the whole log, \d+ signed\.$/);
    expect(await page.locator('[data-testid="audit-entry"][data-action="annotate"]').getByTestId('audit-what').innerText()).toBe('Gaps and justification');
  });
});
