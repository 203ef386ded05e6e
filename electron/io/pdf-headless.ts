import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where a Chromium may be on Linux, macOS and Windows. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** How headless Chromium runs here: no sandbox (containers), no GPU, no network chatter, no first-run UI. */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Chromium the CLI prints with (`ZAN_CHROMIUM`, else `CHROMIUM_PATH`, else the usual places), or null. */
export function findChromium(): string | null {
  const chosen = process.env['ZAN_CHROMIUM'] ?? process.env['CHROMIUM_PATH'];
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

/**
 * Prints an HTML page to PDF with headless Chromium: the CLI's and the tests' counterpart of the
 * app's `webContents.printToPDF`, so the same HTML becomes the same PDF. The page is written to a
 * private temporary folder and loaded from there (no network: the redline HTML is self-contained).
 * The running header and the page numbers are the page's own CSS margin boxes
 * (shared/redline/page-css.ts): `--print-to-pdf` takes no header or footer templates, and
 * `--no-pdf-header-footer` keeps Chromium's own (the file's URL and the date) from replacing them.
 */
export function htmlToPdfHeadless(html: string, timeoutMs = 120_000): Promise<Buffer> {
  const chromium = findChromium();
  if (!chromium) return Promise.reject(new Error('No Chromium found to print the PDF with: install chromium or set ZAN_CHROMIUM to its path.'));
  const dir = mkdtempSync(join(tmpdir(), 'zan-pdf-'));
  const page = join(dir, 'page.html');
  const pdf = join(dir, 'page.pdf');
  writeFileSync(page, html);
  const args = [
    ...HEADLESS_CHROMIUM_ARGS,
    `--user-data-dir=${join(dir, 'profile')}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`,
    pathToFileURL(page).href,
  ];
  return new Promise<Buffer>((resolve, reject) => {
    execFile(chromium, args, { timeout: timeoutMs }, (error, _stdout, stderr) => {
      try {
        // A PDF left by a Chromium that failed or was stopped at the time limit may be partial.
        if (error || !existsSync(pdf)) reject(new Error(`Chromium did not print the PDF${error ? `: ${error.message}` : ''}${stderr ? `\n${stderr.slice(-500)}` : ''}`));
        else resolve(readFileSync(pdf));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
