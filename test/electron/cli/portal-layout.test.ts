import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../../electron/cli/run';

const root = join(import.meta.dirname, '../../..');
const corpus = join(root, 'resources/corpus');
const fixtures = join(root, 'test/fixtures/instructions');

/**
 * A text as it comes when copied from the portal: every line indented by six spaces, the quotes
 * ASCII at both levels; in Kazakh, the Latin i of older texts for і.
 */
function asPortal(text: string, lang: string, latinI = false): string {
  const ascii = text.replace(/[«»„“]/g, '"');
  const spelt = latinI && lang === 'kk' ? ascii.replace(/і/g, 'i') : ascii;
  return spelt
    .split('\n')
    .map((line) => (line ? `      ${line}` : line))
    .join('\n');
}

/** Runs the CLI over an in-memory file system; returns the exit code and what it printed. */
async function zan(argv: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    readFile: (p) => files[p] ?? (() => { throw new Error(`ENOENT ${p}`); })(),
    readBytes: (p) => new TextEncoder().encode(files[p] ?? ''),
    writeFile: (p, t) => void (files[p] = typeof t === 'string' ? t : Buffer.from(t).toString('latin1')),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), files };
}

const samples = readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(corpus, d.name)).filter((f) => f.endsWith('.txt')).map((f) => ({ name: `${d.name}/${f}`, lang: f.replace('.txt', ''), text: readFileSync(join(corpus, d.name, f), 'utf8') })));

describe('every sample law, as the portal shows it, reads to the same tree through every command', () => {
  it.each(samples)('$name', async ({ lang, text }) => {
    for (const latinI of lang === 'kk' ? [false, true] : [false]) {
      const files = { 'law.txt': text, 'portal.txt': asPortal(text, lang, latinI) };
      const original = await zan(['check', 'law.txt'], files);
      const portal = await zan(['check', 'portal.txt'], files);
      expect(original.code).toBe(0);
      expect(portal.code).toBe(0);
      expect(portal.out.replace('portal.txt', 'law.txt').split('\n')[0]).toBe(original.out.split('\n')[0]);
      expect((await zan(['format', 'portal.txt'], files)).out).toBe(text.replace(/\n$/, ''));
      expect((await zan(['diff', 'law.txt', 'portal.txt'], files)).out).toBe('No amendments: the texts are the same.');
      const akn = async (f: string) => (await zan(['akn', f, '--date', '2026-01-01'], files)).out;
      expect(await akn('portal.txt')).toBe(await akn('law.txt'));
    }
  });
});

describe('a base and a draft as the portal shows them give the same amending law, table and redline', () => {
  it.each(['ru', 'kk', 'en'])('%s', async (lang) => {
    const base = readFileSync(join(fixtures, `base.${lang}.txt`), 'utf8');
    const draft = readFileSync(join(fixtures, `draft.${lang}.txt`), 'utf8');
    const files: Record<string, string> = { 'base.txt': base, 'draft.txt': draft, 'pbase.txt': asPortal(base, lang), 'pdraft.txt': asPortal(draft, lang) };
    const law = (await zan(['instructions', 'base.txt', 'draft.txt'], files)).out;
    expect((await zan(['instructions', 'pbase.txt', 'pdraft.txt'], files)).out).toBe(law);
    files['law.txt'] = law;
    files['plaw.txt'] = asPortal(law, lang);
    expect((await zan(['apply', 'pbase.txt', 'plaw.txt'], files)).out).toBe(draft.replace(/\n$/, ''));
    await zan(['table', 'base.txt', 'draft.txt', '--out', 't.html'], files);
    await zan(['table', 'pbase.txt', 'pdraft.txt', '--out', 'pt.html'], files);
    expect(files['pt.html']).toBe(files['t.html']);
    await zan(['redline', 'base.txt', 'draft.txt', '--out', 'r.html'], files);
    await zan(['redline', 'pbase.txt', 'pdraft.txt', '--out', 'pr.html'], files);
    const undated = (html: string | undefined) => html?.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE');
    expect(undated(files['pr.html'])).toBe(undated(files['r.html']));
  });
});
