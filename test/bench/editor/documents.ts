// The editor benchmark's documents part: a package on the 2.3 MB code with 1,000 reworded
// paragraphs, its documents view (the amending law, the comparative table) and its compare view,
// each opened to its first painted rows. Every figure is checked: the views show the changes.
import type { Page } from 'playwright-core';
import { saveDraft } from '../../../electron/services/drafts';
import { createPackage } from '../../../electron/services/packages';
import type { E2EApp } from '../../e2e/app-server';

/** What the documents part measured (one run each). */
export interface DocumentFigures {
  changes: number;
  lawMs: number;
  tableMs: number;
  compareMs: number;
  /** DOM nodes with each view open. */
  domLaw: number;
  domTable: number;
  domCompare: number;
  /** The main process's wait for getPackageDocuments and compare (their work runs on a worker thread). */
  documentsMainMs: number;
  compareMainMs: number;
}

/** Starts a clock in the page, runs `act` there, and stops it at the paint after `selector` appears. */
async function timeToPaint(page: Page, selector: string, act: () => Promise<void>): Promise<number> {
  await page.evaluate((sel) => {
    const probe = { started: performance.now(), done: null as Promise<number> | null };
    probe.done = new Promise<number>((ok) => {
      const painted = () => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => ok(performance.now() - probe.started);
        channel.port2.postMessage(0);
      });
      if (document.querySelector(sel)) return painted();
      const observer = new MutationObserver(() => {
        if (!document.querySelector(sel)) return;
        observer.disconnect();
        painted();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    (window as unknown as { __zanPaint: typeof probe }).__zanPaint = probe;
  }, selector);
  await act();
  return page.evaluate(() => (window as unknown as { __zanPaint: { done: Promise<number> } }).__zanPaint.done);
}

const domNodes = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

/** Makes the package (1,000 paragraphs reworded) and measures its views. */
export async function measureDocuments(app: E2EApp, lawId: string, calls: Map<string, number[]>, check: (ok: unknown, what: string) => void): Promise<DocumentFigures> {
  const { ctx, page } = app;
  const pkg = createPackage(ctx, { title: 'Бенчмарк: тысяча изменений', baseVersionIds: [lawId] });
  const draftId = pkg.drafts[0]!.versionId;
  const rows = ctx.store.provisions.load(draftId);
  // 1,000 paragraphs spread through the code (every k-th), each with its first word changed.
  const paragraphs = rows.filter((r) => r.kind === 'paragraph' && !r.repealed);
  const step = paragraphs.length / 1000;
  const firsts = Array.from({ length: 1000 }, (_, i) => paragraphs[Math.floor(i * step)]!);
  check(new Set(firsts.map((r) => r.uid)).size === 1000, 'the code has 1,000 paragraphs to change');
  saveDraft(ctx, { versionId: draftId, revision: 0, upserts: firsts.map((r) => ({ ...r, text: r.text.replace(/^\S+/, 'университет') })), deletes: [] });
  const changes = ctx.store.amendments.listForVersion(draftId).length;
  check(changes >= 1000, `the draft has 1,000 amendments (${changes})`);
  calls.clear();
  await page.evaluate(() => (window.location.hash = '#/'));
  await page.locator('[data-testid^="open-"]').first().waitFor();
  const lawMs = await timeToPaint(page, '[data-testid="amending-law"] p', () => page.evaluate((h) => void (window.location.hash = h), `#/package/${pkg.id}`));
  check((await page.locator('[data-testid="amending-law"]').innerText()).includes('университет'), 'the amending law shows the changes');
  const domLaw = await domNodes(page);
  const tableMs = await timeToPaint(page, '[data-testid="comparative-table"] tbody tr td', () => page.getByTestId('tab-table').click());
  check((await page.locator('[data-testid="comparative-table"] tbody').innerText()).includes('университет'), 'the table shows the changes');
  const domTable = await domNodes(page);
  const compareMs = await timeToPaint(page, '[data-testid="compare-row"]', () => page.getByTestId('tab-compare').click());
  check((await page.getByTestId('compare').innerText()).includes('1000') || (await page.getByTestId('compare').innerText()).includes('1 000'), 'the compare view counts 1,000 changes');
  const domCompare = await domNodes(page);
  const main = (channel: string) => Math.max(0, ...(calls.get(channel) ?? []));
  return { changes, lawMs, tableMs, compareMs, domLaw, domTable, domCompare, documentsMainMs: main('zan:getPackageDocuments'), compareMainMs: main('zan:compare') };
}
