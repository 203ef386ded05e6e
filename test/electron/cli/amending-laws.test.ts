import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../../electron/cli/run';

/**
 * The corpus of amending laws written in the patterns of published ones (test/fixtures/amending-laws:
 * each case a base text per act, the amending law laid out as published, and the law as it must
 * read afterwards, written by hand). `zan apply` must give the expected law for each act, from the
 * law as published and from the same law copied from the portal (every line indented, ASCII quotes
 * at both levels, and in Kazakh the older Latin i).
 */
const root = join(import.meta.dirname, '../../../test/fixtures/amending-laws');

interface Case {
  lang: string;
  about: string;
  formulas: string[];
  acts: { act?: number; base: string; expected: string; code?: boolean }[];
}

/** The portal's copy of a text: indented, ASCII quotes, and the Latin i for і in Kazakh. */
function asPortal(text: string, lang: string): string {
  const ascii = text.replace(/[«»„“]/g, '"');
  const spelt = lang === 'kk' ? ascii.replace(/і/g, 'i') : ascii;
  return spelt
    .split('\n')
    .map((line) => (line ? `      ${line}` : line))
    .join('\n');
}

function zan(argv: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    readFile: (p) => files[p] ?? (() => { throw new Error(`ENOENT ${p}`); })(),
    readBytes: (p) => new TextEncoder().encode(files[p] ?? ''),
    writeFile: (p, t) => void (files[p] = String(t)),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  const code = runCli(argv, io);
  if (typeof code !== 'number') throw new Error('apply is synchronous');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const cases = readdirSync(root).map((name) => ({ name, dir: join(root, name), spec: JSON.parse(readFileSync(join(root, name, 'case.json'), 'utf8')) as Case }));

describe.each(cases)('amending law $name', ({ dir, spec }) => {
  const law = readFileSync(join(dir, 'law.txt'), 'utf8');
  it.each(spec.acts.map((a, i) => ({ ...a, n: a.act ?? i + 1 })))('act $n: as published and as copied from the portal, zan apply gives the expected law', (act) => {
    const base = readFileSync(join(dir, act.base), 'utf8');
    const expected = readFileSync(join(dir, act.expected), 'utf8').replace(/\n$/, '');
    const files = { 'base.txt': base, 'law.txt': law, 'portal.txt': asPortal(law, spec.lang) };
    const select = spec.acts.length > 1 ? ['--act', String(act.n)] : [];
    for (const file of ['law.txt', 'portal.txt']) {
      const r = zan(['apply', 'base.txt', file, ...select], files);
      expect(r.err, file).toBe('');
      expect(r.out, file).toBe(expected);
      expect(r.code).toBe(0);
      const check = zan(['apply', 'base.txt', file, ...select, '--check'], files);
      expect(check.code, check.out).toBe(0);
      expect(check.out).toMatch(/ 0 do not apply, 0 cannot be read\.$/);
    }
  });

  it('says which formulas it covers', () => {
    expect(spec.formulas.length).toBeGreaterThan(3);
    expect(spec.about).toMatch(/not an official text/);
  });
});

describe('an amending law that cannot all be read', () => {
  const dir = join(root, 'ru-single');
  const base = readFileSync(join(dir, 'base.txt'), 'utf8');
  const law = readFileSync(join(dir, 'law.txt'), 'utf8').replace('подпункт 4) дополнить словами', 'подпункт 4) украсить словами').replace('слово «установленный»', 'слово «неустановленный»');

  it('reports each statement it cannot read or apply with its line and the reason, and prints no law', () => {
    const r = zan(['apply', 'base.txt', 'law.txt'], { 'base.txt': base, 'law.txt': law });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      'law.txt:17: does not apply: the words «неустановленный» are not in it: "в подпункте 3) слово «неустановленный» заменить словом «согласованный»;"',
      'law.txt:18: not one of the amending formulas: "подпункт 4) украсить словами «или на иной основе, предусмотренной законодательством»;"',
    ]);
  });

  it('--check lists every statement with its target and whether it applies, reading on after the one it cannot read', () => {
    const r = zan(['apply', 'base.txt', 'law.txt', '--check'], { 'base.txt': base, 'law.txt': law });
    expect(r.code).toBe(1);
    const lines = r.out.split('\n').filter((l) => l.startsWith('law.txt:'));
    expect(lines).toHaveLength(14);
    expect(lines[0]).toBe('law.txt:9: the whole text — throughout — applies');
    expect(lines).toContain('law.txt:17: Статья 1, подпункт 3) — replace — does not apply: the words «неустановленный» are not in it');
    expect(lines).toContain('law.txt:18: ? — cannot be read: not one of the amending formulas');
    expect(lines).toContain('law.txt:22: Статья 2, пункт 2, абзац 2 — restate — applies');
    expect(lines.at(-1)).toBe('law.txt:33: Статья 4-1 — insert — applies');
    expect(r.out).toMatch(/14 statement\(s\): 12 apply, 1 do not apply, 1 cannot be read\.$/);
  });

  it('a line it cannot place (a statement before any act\'s lead-in) fails the whole apply, as a statement it cannot read would', () => {
    const multi = join(root, 'ru-multi');
    const stray = readFileSync(join(multi, 'law.txt'), 'utf8').replace('\n1. В Кодекс', '\nстатью 9 исключить;\n1. В Кодекс');
    const r = zan(['apply', 'base.txt', 'law.txt', '--act', '2'], { 'base.txt': readFileSync(join(multi, 'base-2.txt'), 'utf8'), 'law.txt': stray });
    expect(r.err).toMatch(/^law\.txt:\d+: a statement before the lead-in of any act: "статью 9 исключить;"$/m);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
  });

  it('a law that amends several acts needs --act, and names them', () => {
    const multi = join(root, 'ru-multi');
    const r = zan(['apply', 'base.txt', 'law.txt'], { 'base.txt': readFileSync(join(multi, 'base-2.txt'), 'utf8'), 'law.txt': readFileSync(join(multi, 'law.txt'), 'utf8') });
    expect(r.code).toBe(2);
    expect(r.err).toBe('law.txt amends 2 acts; choose one with --act N: 1. Кодекс Республики Казахстан от 7 июля 2020 года «Об образовании» (Ведомости Парламента Республики Казахстан, 2020 г., № 13, ст. 67; 2024 г., № 5, ст. 19); 2. Закон Республики Казахстан от 18 февраля 2011 года «О науке».');
  });
});

describe('an Akoma Ntoso amendment document', () => {
  it('the workbench\'s own export of a package applies back to the law, by the eIds it points at', async () => {
    const { derive } = await import('../../../shared/amend');
    const { aknAmendmentDocument } = await import('../../../shared/akn');
    const { parseLaw, printLaw } = await import('../../../shared/law');
    const fixtures = join(import.meta.dirname, '../../fixtures/instructions');
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const baseText = readFileSync(join(fixtures, `base.${lang}.txt`), 'utf8');
      const draftText = readFileSync(join(fixtures, `draft.${lang}.txt`), 'utf8');
      const base = parseLaw(baseText);
      const amendments = derive(base, parseLaw(draftText));
      const xml = aknAmendmentDocument({ id: 'pkg', title: 'Проект', lang, date: '2026-12-01', justifications: new Map(), acts: [{ work: { kind: 'law', date: '2024-07-01', number: '103-VIII', title: 'T' }, citation: 'T', baseDate: '2026-01-01', amendments }] });
      const r = zan(['apply', 'base.txt', 'amendment.xml'], { 'base.txt': baseText, 'amendment.xml': xml });
      expect(r.err, lang).toBe('');
      expect(r.out, lang).toBe(printLaw(parseLaw(draftText)).replace(/\n$/, '').replace(/\n?(Сноска|Ескерту|Footnote)\.[^\n]*/g, ''));
      const check = zan(['apply', 'base.txt', 'amendment.xml', '--check'], { 'base.txt': baseText, 'amendment.xml': xml });
      expect(check.out.split('\n')).toHaveLength(amendments.length);
      expect(check.code).toBe(0);
    }
  });
});
