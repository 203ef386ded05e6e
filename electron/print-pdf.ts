import { BrowserWindow, session } from 'electron';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An in-memory session of its own: printing shares no cookies, cache or permissions with the app. */
const PARTITION = 'zan-print';

/** The pages being printed now (two prints may overlap). */
const printing = new Set<string>();

/**
 * Prints a self-contained HTML page to PDF with the app's own Chromium (`webContents.printToPDF`),
 * as headless Chromium does for the CLI (io/pdf-headless.ts), so the same HTML gives the same PDF.
 * The page loads in a hidden window with scripts off, in a session of its own that keeps nothing,
 * from a private temporary file (a 2 MB law is too long for a data: URL). Page numbers and the
 * running header come from the page itself (CSS margin boxes), the same in both printers.
 */
export async function printPdfWithElectron(html: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'zan-print-'));
  const page = join(dir, 'page.html');
  writeFileSync(page, html);
  // Nothing but the pages being printed may load: a redline is self-contained, anything else is refused.
  const pageUrl = pathToFileURL(page).href;
  printing.add(pageUrl);
  session.fromPartition(PARTITION).webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printing.has(details.url) }));
  const win = new BrowserWindow({ show: false, webPreferences: { partition: PARTITION, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
  try {
    await win.loadFile(page);
    // The page's CSS prints its own running header and page numbers in its margin boxes
    // (shared/redline/page-css.ts), as headless Chromium prints them for the CLI; Chromium's header
    // and footer templates would replace those boxes, so they stay off, and the page's @page
    // margins (where the boxes are) win over printToPDF's default ones.
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true, displayHeaderFooter: false });
  } finally {
    printing.delete(pageUrl);
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
