import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp, type E2EApp } from './harness';
import type { AppOptions } from './app-server';

/** A desktop of a team test: the app with team mode on (its own SQLite file, worker threads, TeamHost) and its page. */
export interface TeamDesktop {
  app: E2EApp;
  page: Page;
  cleanup(): Promise<void>;
}

/** Starts a desktop named `device` in a folder of its own. */
export async function teamDesktop(browser: Browser, device: string, options: Omit<AppOptions, 'rendererDir' | 'bridgeScript' | 'team'> = {}): Promise<TeamDesktop> {
  const dir = mkdtempSync(join(tmpdir(), `zan-e2e-${device}-`));
  const app = await startApp(browser, dir, { ...options, team: { device } });
  return { app, page: app.page, cleanup: async () => (await app.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** Settings → Team server, as a drafter fills it in with the token the owner gave; waits until online. */
export async function connectToTeam(page: Page, url: string, token: string, options: { keepOpen?: boolean } = {}): Promise<void> {
  await page.getByTestId('team-status').click();
  await page.getByTestId('team-url').fill(url);
  await page.getByTestId('team-token').fill(token);
  await page.getByTestId('team-connect').click();
  await page.getByTestId('team-connected').waitFor();
  if (!options.keepOpen) await page.keyboard.press('Escape');
  await page.locator('[data-testid="team-status"][data-state="online"]').waitFor({ timeout: 15_000 });
}
