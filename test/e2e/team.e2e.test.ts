import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../server/team/users';
import { cuttableProxy } from '../team/cuttable-proxy';
import { describeTeam, useTeamServer } from '../team/harness';
import { CORPUS_DIR, launchChromium, replaceWord, startDraft, waitSaved } from './harness';
import { connectToTeam, teamDesktop } from './team-desktops';

// Two desktops (each its own SQLite file, worker threads, TeamHost and Chromium page) on one team
// server over the PostgreSQL the run started: what two drafters of a department see.
const team = useTeamServer();
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const P = (num: string) => `.zan-article[data-num="5"] > .zan-unit-content > .zan-paragraph[data-num="${num}"]`;
const BODY = (num: string) => `${P(num)} > .zan-unit-content > .zan-body`;

describeTeam('two desktops on one team server', () => {
  it('a package published on one arrives on the other; a lease shows there and keeps the provision read-only; a comment arrives live; an offline change refused as stale opens the rebase choice', async () => {
    const annaUser = await addUser(team().db, 'Анна Петрова', 'drafter');
    const berikUser = await addUser(team().db, 'Берик Ахметов', 'drafter');
    const anna = await teamDesktop(browser, 'anna-desk');
    const berik = await teamDesktop(browser, 'berik-desk');
    // Berik's network to the server, which the test takes away and gives back.
    const berikNet = await cuttableProxy(team().url);
    try {
      const a = anna.page;
      const b = berik.page;
      await connectToTeam(a, team().url, annaUser.token);
      await connectToTeam(b, berikNet.url, berikUser.token);

      // Anna starts a package and publishes it, shared with Berik.
      await startDraft(a);
      await a.getByTestId('open-documents').click();
      await a.getByTestId('open-publish').click();
      await a.getByTestId('member-Берик Ахметов').check();
      await a.getByTestId('publish').click();
      await a.getByTestId('team-published').waitFor();
      // Who it is shared with, to change later: Berik, ticked.
      await a.getByTestId('open-members').click();
      await a.getByTestId('members-dialog').waitFor();
      expect(await a.getByTestId('shared-Берик Ахметов').isChecked()).toBe(true);
      await a.getByTestId('members-dialog').getByRole('button', { name: 'Закрыть' }).click();

      // It arrives in Berik's library while it is open; he opens its draft.
      await b.getByTestId('package-card').waitFor({ timeout: 15_000 });
      await b.getByTestId('package-card').click();
      await b.locator('.zan-editor.is-editable').waitFor();

      // Anna goes back to the draft and types in paragraph 1 of article 5: she takes its lease.
      await a.locator('.link-button.back').click();
      await a.locator('.zan-editor.is-editable').waitFor();
      await replaceWord(a, BODY('1'), 'создаются', 'образуются');
      await waitSaved(a);
      // Berik sees who is editing it, and cannot change it.
      const held = b.locator(`${P('1')}.is-leased`);
      await held.waitFor({ timeout: 15_000 });
      expect(await held.getAttribute('data-holder')).toBe('Анна Петрова');
      // Her change reached his page (pulled, and the draft opened again on it).
      await expect.poll(() => b.locator(BODY('1')).innerText(), { timeout: 15_000 }).toContain('образуются');
      await b.locator(`${P('1')}.is-leased`).waitFor();
      const before = await b.locator(BODY('1')).innerText();
      await replaceWord(b, BODY('1'), 'Отраслевые', 'Местные');
      await b.getByTestId('lease-notice').waitFor();
      expect(await b.getByTestId('lease-notice').innerText()).toContain('Анна Петрова');
      expect(await b.locator(BODY('1')).innerText()).toBe(before);

      // A comment arrives live: Anna has the change's comments open; Berik (signed in) writes one.
      await a.getByTestId('comments').first().click();
      await a.getByTestId('comment-thread').waitFor();
      await b.getByTestId('identity').click();
      await b.getByTestId('identity-name').fill('Берик Ахметов');
      await b.getByTestId('identity-role').fill('Юридический отдел');
      await b.getByTestId('identity-save').click();
      await b.getByTestId('comments').first().click();
      await b.getByTestId('comment-text').fill('Лучше «учреждаются»: так в законе о государственных органах.');
      await b.getByTestId('comment-send').click();
      await expect.poll(() => a.getByTestId('comment-thread').innerText(), { timeout: 15_000 }).toContain('учреждаются»: так в законе');
      expect(await a.getByTestId('comment-thread').innerText()).toContain('Берик Ахметов');

      // Berik goes offline and changes paragraph 2; meanwhile Anna changes it too, and moves on.
      await berikNet.cut();
      await b.locator('[data-testid="team-status"][data-state="offline"]').waitFor({ timeout: 15_000 });
      await replaceWord(b, BODY('2'), 'включаются', 'входят');
      await waitSaved(b);
      await expect.poll(() => b.getByTestId('team-queue').innerText()).toMatch(/1/);
      await replaceWord(a, BODY('2'), 'включаются', 'вводятся');
      await waitSaved(a);
      await replaceWord(a, BODY('1'), 'Отраслевые', 'Профильные');
      await waitSaved(a);
      await expect.poll(async () => (await team().db.query<{ n: string }>('SELECT count(*) AS n FROM lease WHERE uid = $1', [await a.locator(P('2')).getAttribute('data-uid')]))[0]?.n, { timeout: 15_000 }).toBe('0');

      // Back online, Berik's push is refused as stale: the title bar says so and opens the choice.
      await berikNet.restore();
      const notice = b.getByTestId('team-notice');
      await notice.waitFor({ timeout: 20_000 });
      await notice.click();
      const conflict = b.getByTestId('conflict');
      await conflict.waitFor({ timeout: 15_000 });
      const text = await conflict.innerText();
      expect(text).toContain('вводятся');
      expect(text).toContain('входят');
      // The draft shows the wording now on the server until he chooses.
      await expect.poll(() => b.locator(BODY('2')).innerText()).toContain('вводятся');
      await b.getByTestId('keep-mine').click();
      await expect.poll(() => b.locator(BODY('2')).innerText()).toContain('входят');
      // Kept: pushed on the current revision, and Anna's page has it.
      await expect.poll(() => a.locator(BODY('2')).innerText(), { timeout: 20_000 }).toContain('входят');
    } finally {
      await anna.cleanup();
      await berik.cleanup();
      await berikNet.close();
    }
  });

  it("a reviewer's desktop opens a team draft read-only, and says why; her rejection is the server's: the wording in force comes back on the drafter's page, nothing waits on hers", async () => {
    const annaUser = await addUser(team().db, 'Анна Петрова', 'drafter');
    const ritaUser = await addUser(team().db, 'Рита Сапарова', 'reviewer');
    const anna = await teamDesktop(browser, 'anna-desk');
    const rita = await teamDesktop(browser, 'rita-desk');
    try {
      await connectToTeam(anna.page, team().url, annaUser.token);
      await connectToTeam(rita.page, team().url, ritaUser.token);
      await startDraft(anna.page);
      const original = await anna.page.locator(BODY('1')).innerText();
      await replaceWord(anna.page, BODY('1'), 'создаются', 'образуются');
      await waitSaved(anna.page);
      await anna.page.getByTestId('open-documents').click();
      await anna.page.getByTestId('open-publish').click();
      await anna.page.getByTestId('member-Рита Сапарова').check();
      await anna.page.getByTestId('publish').click();
      await anna.page.getByTestId('team-published').waitFor();
      await rita.page.getByTestId('package-card').waitFor({ timeout: 15_000 });
      await rita.page.getByTestId('package-card').click();
      await rita.page.locator('.zan-editor.is-readonly').waitFor();
      await rita.page.getByTestId('team-read-only').waitFor();
      expect(await rita.page.locator('.zan-editor.is-editable').count()).toBe(0);

      // Rita (signed in) rejects Anna's change.
      const r = rita.page;
      await r.getByTestId('identity').click();
      await r.getByTestId('identity-name').fill('Рита Сапарова');
      await r.getByTestId('identity-role').fill('Министерство юстиции');
      await r.getByTestId('identity-save').click();
      await expect.poll(() => r.getByTestId('amendment').count(), { timeout: 15_000 }).toBe(1);
      await r.getByTestId('reject').click();
      await r.getByTestId('confirm-reject').click();
      await expect.poll(() => r.getByTestId('amendment').count()).toBe(0);
      expect(await r.locator(BODY('1')).innerText()).toBe(original);
      // On Anna's page the wording in force comes back; on Rita's nothing waits or was refused.
      await anna.page.locator('.link-button.back').click();
      await expect.poll(() => anna.page.locator(BODY('1')).innerText(), { timeout: 20_000 }).toBe(original);
      await expect.poll(() => anna.page.getByTestId('amendment').count()).toBe(0);
      await r.locator('[data-testid="team-status"][data-state="online"]').waitFor();
      expect(await r.getByTestId('team-notice').count()).toBe(0);
      expect(await r.getByTestId('team-queue').count()).toBe(0);
    } finally {
      await anna.cleanup();
      await rita.cleanup();
    }
  });
  it("the team's owner imports a later text of the law and moves the team's draft onto it: the drafter's page follows, and the provision both changed waits for her choice with her wording kept", async () => {
    const annaUser = await addUser(team().db, 'Анна Петрова', 'drafter');
    const olgaUser = await addUser(team().db, 'Ольга Ким', 'owner');
    const anna = await teamDesktop(browser, 'anna-desk');
    const olga = await teamDesktop(browser, 'olga-desk');
    const folder = mkdtempSync(join(tmpdir(), 'zan-e2e-later-text-'));
    try {
      const a = anna.page;
      const o = olga.page;
      await connectToTeam(a, team().url, annaUser.token);
      await connectToTeam(o, team().url, olgaUser.token);
      await startDraft(a);
      await replaceWord(a, BODY('1'), 'создаются', 'образуются');
      await waitSaved(a);
      await a.getByTestId('open-documents').click();
      await a.getByTestId('open-publish').click();
      await a.getByTestId('member-Ольга Ким').check();
      await a.getByTestId('publish').click();
      await a.getByTestId('team-published').waitFor();
      await a.locator('.link-button.back').click();
      await a.locator('.zan-editor.is-editable').waitFor();
      await o.getByTestId('package-card').waitFor({ timeout: 15_000 });

      // Olga imports the later text: it words paragraph 1 otherwise, and paragraph 3 anew.
      const law = readFileSync(join(CORPUS_DIR, 'science-technology-policy/ru.txt'), 'utf8');
      const file = join(folder, 'later.txt');
      writeFileSync(file, `Закон Республики Казахстан от 1 июля 2024 года № 103-VIII.\n${law.replace('создаются при центральных государственных органах', 'создаются при центральных органах').replace('не менее одной трети членов совета', 'не менее половины членов совета')}`);
      await o.getByTestId('nav-library').click();
      await o.getByTestId('open-import').click();
      await o.getByTestId('import-file').setInputFiles(file);
      await o.getByTestId('import-preview').waitFor();
      await o.getByTestId('import-date').fill('2026-03-01');
      await o.getByTestId('import-save').click();
      await o.getByTestId('import-done').waitFor();
      // The team's draft stayed where it was; she moves it for everyone.
      await o.getByTestId('team-move').click();
      await o.getByTestId('team-move-outcome').waitFor({ timeout: 20_000 });
      expect(await o.getByTestId('team-move-outcome').innerText()).toMatch(/1 требует решения/u);

      // Anna's open draft follows: the law's new wording in both paragraphs, and the title bar leads to the choice.
      await expect.poll(() => a.locator('.zan-law').innerText(), { timeout: 20_000 }).toContain('не менее половины членов совета');
      await expect.poll(() => a.locator(BODY('1')).innerText()).toContain('создаются при центральных органах');
      const notice = a.getByTestId('team-notice');
      await notice.waitFor({ timeout: 20_000 });
      await notice.click();
      const conflict = a.getByTestId('conflict');
      await conflict.waitFor({ timeout: 15_000 });
      expect(await conflict.innerText()).toContain('образуются');
      await a.getByTestId('keep-mine').click();
      await expect.poll(() => a.locator(BODY('1')).innerText()).toContain('образуются');
      // Her choice goes up: on the server her wording stands on the new text.
      await expect.poll(async () => (await team().db.query<{ text: string }>("SELECT p.row->>'text' AS text FROM provision p JOIN draft d ON d.version_id = p.version_id WHERE p.uid = $1 AND d.lang = 'ru'", [await a.locator(P('1')).getAttribute('data-uid')]))[0]?.text, { timeout: 20_000 }).toContain('образуются');
    } finally {
      await anna.cleanup();
      await olga.cleanup();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
