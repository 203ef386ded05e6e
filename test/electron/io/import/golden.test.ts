import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLawFile } from '../../../../electron/io/import';
import { aknAct } from '../../../../shared/akn';
import { parseLaw, walkProvisions, type Lang, type LawDoc, type Provision } from '../../../../shared/law';

const dir = join(import.meta.dirname, '../../../fixtures/import/golden');
const header = JSON.parse(readFileSync(join(dir, 'header.json'), 'utf8')) as Record<Lang, { title: string; act: string; editorNote: [string, string] }>;

/** A tree without its uids: what a reader must recover. */
function shape(law: LawDoc, dropNotes: (note: string) => boolean = () => false): unknown {
  const strip = (u: Provision): unknown => ({ kind: u.kind, num: u.num, eId: u.eId, heading: u.heading, text: u.text, repealed: u.repealed, notes: u.notes.filter((n) => !dropNotes(n)), children: u.children.map(strip) });
  return law.body.map(strip);
}

const find = (law: LawDoc, eId: string) => {
  let hit: Provision | undefined;
  walkProvisions(law.body, (u) => void (u.eId === eId && (hit = u)));
  return hit!;
};

describe.each(['ru', 'kk', 'en'] as Lang[])('importing the portal-style law in %s', (lang) => {
  const golden = parseLaw(readFileSync(join(dir, `law.${lang}.txt`), 'utf8'), { lang });
  const editorNote = `${header[lang].editorNote[0]} ${header[lang].editorNote[1]}`;

  it.each([
    ['text', `law.${lang}.txt`],
    ['html', `law.${lang}.html`],
    ['docx', `law.${lang}.docx`],
    ['akn', `law.${lang}.akn.xml`],
  ])('from %s gives the expected tree, footnotes as notes, stubs kept', (format, file) => {
    const read = readLawFile(file, readFileSync(join(dir, file)));
    expect(read.format).toBe(format);
    expect(read.lang).toBe(lang);
    expect(read.findings).toEqual([]);
    // The editor note is metadata of the unit it precedes, not a provision; everything else is the golden tree.
    expect(shape(read.law, (n) => n === editorNote)).toEqual(shape(golden));
    if (format === 'html' || format === 'docx') expect(read.law.body[0]!.notes).toEqual([editorNote]);
    // Footnotes are notes of their unit and never part of the norm.
    expect(find(read.law, 'chp_1__art_1').notes).toHaveLength(1);
    walkProvisions(read.law.body, (u) => expect(u.text).not.toMatch(/Сноска\.|Ескерту\.|Footnote\./));
    // Kazakh numbering: 17-1 and 1-1, repealed stubs as stubs.
    expect(find(read.law, 'chp_2__art_17-1').num).toBe('17-1');
    expect(find(read.law, 'chp_1__art_1__subpara_1-1').num).toBe('1-1');
    expect(['chp_1__art_1__subpara_2', 'chp_2__art_17__para_2', 'chp_2__art_18'].map((e) => find(read.law, e).repealed)).toEqual([true, true, true]);
    if (format !== 'text') expect(read.title).toBe(header[lang].title);
    if (format === 'html' || format === 'docx' || format === 'akn') expect(read.act).toEqual({ kind: 'law', date: '2024-07-01', number: '103-VIII' });
  });

  it('from the workbench\'s own Akoma Ntoso export gives the same tree back', () => {
    const xml = aknAct(golden, { kind: 'law', date: '2024-07-01', number: '103-VIII', title: header[lang].title }, '2026-11-27', false);
    const read = readLawFile('export.xml', new TextEncoder().encode(xml));
    expect(read.findings).toEqual([]);
    expect(shape(read.law)).toEqual(shape(golden));
    expect(read.title).toBe(header[lang].title);
  });
});
