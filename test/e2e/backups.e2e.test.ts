import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pendingRestoreFile } from '../../electron/services/backups';
import { backupBeforeMigration, backupFolder, dailyBackup } from '../../electron/store/backup';
import { describeFindings, seriousViolations } from './axe';
import { useApp, type E2EApp } from './harness';
import { connectionOf } from '../../electron/store/connection';

const current = useApp();

// Moments in local time, so that the dialog (which shows local time) reads the same whatever the
// machine's time zone; each has seconds, which the dialog leaves out.
const BEFORE_UPGRADE = new Date(2026, 2, 2, 7, 15, 42);
const DAILY = new Date(2026, 2, 4, 9, 30, 5);
const REPLACED = new Date(2026, 2, 5, 10, 15, 30);

interface Made {
  migration: string;
  daily: string;
  replaced: string;
}

/**
 * Three backups of the app's database, one of each kind, made as the app makes them: before an
 * upgrade (VACUUM INTO), the daily one (the online backup), and the database a restore replaced —
 * which only a restore at start makes, by renaming the database it replaces, so here a copy is
 * given the name that restore gives (store/backup.ts).
 */
async function makeBackups(app: E2EApp): Promise<Made> {
  const migration = backupBeforeMigration(connectionOf(app.ctx.store), app.databaseFile, BEFORE_UPGRADE);
  const daily = await dailyBackup(connectionOf(app.ctx.store), app.databaseFile, DAILY);
  if (!daily) throw new Error('the daily backup was not made');
  const stamp = REPLACED.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  const replaced = join(backupFolder(app.databaseFile), `${basename(app.databaseFile, '.sqlite')}-${stamp}-replaced.sqlite`);
  copyFileSync(migration, replaced);
  return { migration, daily, replaced };
}

/** A size as the dialog should write it in Russian, worked out here from the file's bytes. */
function russianSize(file: string): string {
  const bytes = statSync(file).size;
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} КБ` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}

/** What the dialog lists, top to bottom. */
async function listed(page: Page): Promise<{ name: string; reason: string; when: string; why: string; size: string }[]> {
  return page.getByTestId('backup').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim());
      const el = row as HTMLElement;
      return { name: el.dataset['name'] ?? '', reason: el.dataset['reason'] ?? '', when: cells[0] ?? '', why: cells[1] ?? '', size: cells[2] ?? '' };
    }),
  );
}

/** The test id of the element that has the focus. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['testid'] ?? null);
}

/** From the help page, as a user finds it: the Backups section's button. */
async function openFromHelp(page: Page): Promise<void> {
  await page.getByTestId('nav-help').click();
  await page.getByTestId('help-backups').click();
  await page.getByTestId('backups-dialog').waitFor();
}

/** From the command palette, by the command's name typed in the interface language. */
async function openFromPalette(page: Page, typed: string): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.getByTestId('palette-input').fill(typed);
  await expect.poll(() => page.getByTestId('palette-command').first().getAttribute('data-command')).toBe('app.backups');
  await page.keyboard.press('Enter');
  await page.getByTestId('backups-dialog').waitFor();
}

describe('restoring a backup', () => {
  it('lists the backups newest first with when, why and size; restore asks first, Cancel and Escape do nothing, confirming asks for it at the next start', async () => {
    const app = current();
    const { page, databaseFile } = app;
    const made = await makeBackups(app);
    const marker = pendingRestoreFile(dirname(databaseFile));
    const folderBefore = readdirSync(backupFolder(databaseFile)).sort();

    await openFromHelp(page);
    // The help page's list of commands names it too (the palette's line and the button are one command).
    expect(await page.getByTestId('help-app').innerText()).toContain('Восстановить резервную копию…');
    await page.getByTestId('backup-list').waitFor();
    // Newest first, each with its moment to the minute, the reason in words and the size of its file.
    expect(await listed(page)).toEqual([
      { name: basename(made.replaced), reason: 'replaced', when: '5 мар. 2026 г., 10:15', why: 'База, заменённая при восстановлении', size: russianSize(made.replaced) },
      { name: basename(made.daily), reason: 'daily', when: '4 мар. 2026 г., 09:30', why: 'Ежедневная', size: russianSize(made.daily) },
      { name: basename(made.migration), reason: 'migration', when: '2 мар. 2026 г., 07:15', why: 'Перед обновлением', size: russianSize(made.migration) },
    ]);
    expect(describeFindings('the list of backups', await seriousViolations(page))).toBe(describeFindings('the list of backups', []));

    // "Restore…" only asks: it says what will happen, and nothing is asked of the main process yet.
    const daily = page.locator(`[data-testid="backup"][data-name="${basename(made.daily)}"]`);
    await daily.getByTestId('backup-restore').click();
    const confirm = page.getByTestId('restore-confirm');
    await confirm.waitFor();
    expect(await confirm.getAttribute('data-name')).toBe(basename(made.daily));
    const said = await confirm.innerText();
    expect(said).toContain('4 мар. 2026 г., 09:30 · Ежедневная');
    expect(said).toContain('Приложение перезапустится и поставит эту копию на место базы данных.');
    expect(said).toContain('Текущая база данных не удаляется: она сохраняется среди резервных копий');
    expect(said).toContain('Изменений, внесённых после того, как копия была сделана, в ней нет.');
    expect(await focused(page)).toBe('restore-cancel');
    expect(existsSync(marker)).toBe(false);
    expect(describeFindings('the confirmation', await seriousViolations(page))).toBe(describeFindings('the confirmation', []));

    // Cancel: back to the same list, the focus on the button it came from, nothing asked for.
    await page.getByTestId('restore-cancel').click();
    await page.getByTestId('backup-list').waitFor();
    expect((await listed(page)).map((b) => b.name)).toEqual([made.replaced, made.daily, made.migration].map((f) => basename(f)));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['backup'])).toBe(basename(made.daily));
    expect(existsSync(marker)).toBe(false);

    // Escape from the confirmation closes the dialog, and asks for nothing either.
    await daily.getByTestId('backup-restore').click();
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('backups-dialog').count()).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(backupFolder(databaseFile)).sort()).toEqual(folderBefore);

    // From the palette this time; confirming asks the main process to put the daily backup in place.
    await openFromPalette(page, 'резервную');
    await page.locator(`[data-testid="backup"][data-name="${basename(made.daily)}"]`).getByTestId('backup-restore').click();
    await page.getByTestId('restore-yes').click();
    const done = page.getByTestId('backups-done');
    await done.waitFor();
    // The harness has no app to restart: the restore waits for the next start, and the dialog says so.
    expect(await done.getAttribute('data-restarting')).toBe('false');
    expect(await done.innerText()).toBe('Копия будет поставлена на место базы данных при следующем запуске.');
    expect(JSON.parse(readFileSync(marker, 'utf8'))).toEqual({ backup: made.daily });
    expect(await focused(page)).toBe('backups-close');
    // Asked for, not done: the database and its backups are as they were until the next start.
    expect(readdirSync(backupFolder(databaseFile)).sort()).toEqual(folderBefore);
    await page.getByTestId('backups-close').click();
    await expect.poll(() => page.getByTestId('backups-dialog').count()).toBe(0);
  });

  it('a backup gone between the list and the confirmation: the refusal is said, nothing is asked for, and the list comes back without it', async () => {
    const app = current();
    const { page, databaseFile } = app;
    const made = await makeBackups(app);
    await openFromHelp(page);
    await page.locator(`[data-testid="backup"][data-name="${basename(made.migration)}"]`).getByTestId('backup-restore').click();
    // Pruned meanwhile (only ten are kept), or deleted by hand.
    rmSync(made.migration);
    await page.getByTestId('restore-yes').click();
    const error = page.getByTestId('backups-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('Такой резервной копии нет.');
    expect(existsSync(pendingRestoreFile(dirname(databaseFile)))).toBe(false);
    await page.getByTestId('restore-cancel').click();
    await expect.poll(async () => (await listed(page)).map((b) => b.reason)).toEqual(['replaced', 'daily']);
    expect(await page.getByTestId('backups-error').count()).toBe(0);
  });

  it('in Kazakh: no backups yet says when they are made; a backup made since is listed with its Kazakh reason and date', async () => {
    const app = current();
    const { page } = app;
    await page.getByTestId('ui-language').selectOption('kk');
    await openFromPalette(page, 'сақтық');
    const empty = page.getByTestId('backups-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toBe('Әзірге сақтық көшірмелер жоқ. Көшірме бағдарлама ашық тұрған әр күні және әр жаңарту алдында жасалады.');
    expect(await page.getByTestId('backup').count()).toBe(0);
    expect(describeFindings('no backups', await seriousViolations(page))).toBe(describeFindings('no backups', []));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('backups-dialog').count()).toBe(0);

    const made = await dailyBackup(connectionOf(app.ctx.store), app.databaseFile, DAILY);
    await openFromHelp(page);
    await page.getByTestId('backup-list').waitFor();
    expect((await listed(page)).map(({ name, reason, when, why }) => ({ name, reason, when, why }))).toEqual([{ name: basename(made ?? ''), reason: 'daily', when: '2026 жылғы 4 наурыз, 09:30', why: 'Күнделікті' }]);
    await page.getByTestId('backup-restore').click();
    expect(await page.getByTestId('restore-confirm').innerText()).toContain('Бағдарлама қайта іске қосылып, дерекқордың орнына осы көшірмені қояды.');
  });
});
