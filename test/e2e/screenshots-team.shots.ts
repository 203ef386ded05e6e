import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../server/team/users';
import { cuttableProxy } from '../team/cuttable-proxy';
import { describeTeam, useTeamServer } from '../team/harness';
import { launchChromium, replaceWord, startDraft, waitSaved } from './harness';
import { connectToTeam, teamDesktop } from './team-desktops';

// `npm run screenshots`: team mode (issue 17), two desktops on one server, to look at.
const OUT = resolve(import.meta.dirname, '../../screenshots');
const team = useTeamServer();
let browser: Browser;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

const BODY = (num: string) => `.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="${num}"] > .zan-unit-content > .zan-body`;

describeTeam('team mode', () => {
it.each(['ru', 'kk'])('screenshots of team mode, interface in %s', async (ui) => {
  const annaUser = await addUser(team().db, 'Анна Петрова', 'drafter');
  const berikUser = await addUser(team().db, 'Берик Ахметов', 'drafter');
  await addUser(team().db, 'Дана Омарова', 'drafter');
  const options = { viewport: { width: 1440, height: 900 }, uiLanguage: ui };
  const anna = await teamDesktop(browser, 'anna-desk', options);
  const berik = await teamDesktop(browser, 'berik-desk', options);
  const net = await cuttableProxy(team().url);
  try {
    const a = anna.page;
    const b = berik.page;
    await connectToTeam(a, team().url, annaUser.token, { keepOpen: true });
    await shot(a, `${ui}-team-1-settings`);
    await a.keyboard.press('Escape');
    await connectToTeam(b, net.url, berikUser.token);

    await startDraft(a);
    await a.getByTestId('open-documents').click();
    await a.getByTestId('open-publish').click();
    await a.getByTestId('member-Берик Ахметов').check();
    await shot(a, `${ui}-team-2-publish`);
    await a.getByTestId('publish').click();
    await a.getByTestId('team-published').waitFor();
    await a.getByTestId('open-members').click();
    await a.getByTestId('members-dialog').waitFor();
    await a.getByTestId('shared-Дана Омарова').waitFor();
    await shot(a, `${ui}-team-2b-members`);
    await a.keyboard.press('Escape');

    await b.getByTestId('package-card').waitFor({ timeout: 15_000 });
    await b.getByTestId('package-card').click();
    await b.locator('.zan-editor.is-editable').waitFor();
    await a.locator('.link-button.back').click();
    await a.locator('.zan-editor.is-editable').waitFor();
    await replaceWord(a, BODY('1'), 'создаются', 'образуются');
    await waitSaved(a);
    await b.locator('.zan-paragraph.is-leased').waitFor({ timeout: 15_000 });
    await replaceWord(b, BODY('1'), 'Отраслевые', 'Местные');
    await b.getByTestId('lease-notice').waitFor();
    await b.locator('.zan-paragraph.is-leased').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(b, `${ui}-team-3-lease`);

    await net.cut();
    await b.locator('[data-testid="team-status"][data-state="offline"]').waitFor({ timeout: 15_000 });
    await replaceWord(b, BODY('2'), 'включаются', 'входят');
    await waitSaved(b);
    await shot(b, `${ui}-team-4-offline`);
    await replaceWord(a, BODY('2'), 'включаются', 'вводятся');
    await waitSaved(a);
    await replaceWord(a, BODY('1'), 'Отраслевые', 'Профильные');
    await waitSaved(a);
    // Anna moved on: paragraph 2's lease is given back once her change is on the server.
    const p2 = await a.locator('.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="2"]').getAttribute('data-uid');
    await expect.poll(async () => (await team().db.query<{ n: string }>('SELECT count(*) AS n FROM lease WHERE uid = $1', [p2]))[0]?.n, { timeout: 15_000 }).toBe('0');
    await net.restore();
    await b.getByTestId('team-notice').waitFor({ timeout: 20_000 });
    await b.getByTestId('team-notice').click();
    await b.getByTestId('conflict').waitFor({ timeout: 15_000 });
    await shot(b, `${ui}-team-5-conflict`);
  } finally {
    await anna.cleanup();
    await berik.cleanup();
    await net.close();
  }
});
});
