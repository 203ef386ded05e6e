import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Prints a self-contained HTML page to PDF with the app's own Chromium (`webContents.printToPDF`),
 * as headless Chromium does for the CLI (io/pdf-headless.ts), so the same HTML gives the same PDF.
 * The page loads in a hidden window with scripts off, in a session of its own that keeps nothing,
 * from a private temporary file (a 2 MB law is too long for a data: URL).
 */
export async function printPdfWithElectron(html: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'zan-print-'));
  const page = join(dir, 'page.html');
  writeFileSync(page, html);
  const win = new BrowserWindow({ show: false, webPreferences: { partition: 'zan-print', javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
  try {
    await win.loadFile(page);
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
  } finally {
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
