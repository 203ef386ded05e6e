import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redlineDocx } from '../../../electron/io/redline-docx';
import { derive } from '../../../shared/amend';
import { HEADED_KINDS, lineLabel, parseLaw, printLaw, type Lang, type LawDoc, type Provision, type ProvisionKind } from '../../../shared/law';
import { redlineParagraphs } from '../../../shared/redline';
import { libreOfficePython, resolveInLibreOffice, type Resolved, type WriterParagraph } from '../../helpers/libreoffice-resolve';
import { propertyParams } from '../../helpers/property';
import * as drafts from '../../shared/instructions/random-drafts';

const TITLE = 'Redline';

/** The Word style of each kind of line, by the name LibreOffice gives it (electron/io/redline-docx-styles.ts). */
const STYLE: Record<ProvisionKind | 'note', string> = {
  section: 'Zan Section',
  chapter: 'Zan Chapter',
  article: 'Zan Article',
  part: 'Zan Part',
  paragraph: 'Zan Paragraph',
  subparagraph: 'Zan Subparagraph',
  note: 'Zan Footnote',
};

/**
 * The lines a law prints, footnotes included (after their unit's lines, as the consolidated text
 * has them), each with the style it should have: what accepting or rejecting every change must
 * leave, formatting and all.
 */
function printedLines(doc: LawDoc): WriterParagraph[] {
  const lines: WriterParagraph[] = [];
  const add = (text: string, style: string) => text && lines.push({ text, style });
  const walk = (units: readonly Provision[]) => {
    for (const u of units) {
      const headed = HEADED_KINDS.has(u.kind);
      for (const line of `${lineLabel(doc.lang, u.kind, u.num)}${headed ? u.heading : u.text}`.split('\n')) add(line, STYLE[u.kind]);
      if (headed && u.text) for (const line of u.text.split('\n')) add(line, STYLE.part);
      for (const note of u.notes) add(note, STYLE.note);
      walk(u.children);
    }
  };
  walk(doc.body);
  return [{ text: TITLE, style: 'Standard' }, ...lines];
}

/** Every unit of a law, in order, with the list that holds it. */
function slots(doc: LawDoc): { unit: Provision; list: Provision[] }[] {
  const found: { unit: Provision; list: Provision[] }[] = [];
  const walk = (list: Provision[]) => list.forEach((u) => (found.push({ unit: u, list }), walk(u.children)));
  walk(doc.body);
  return found;
}

/** Footnotes on some units of a law (picked by number), as the consolidated text carries them. */
function withNotes(doc: LawDoc, picks: readonly number[]): LawDoc {
  const copy = structuredClone(doc);
  const units = slots(copy).map((s) => s.unit);
  const word = { ru: 'Сноска.', kk: 'Ескерту.', en: 'Footnote.' }[doc.lang];
  for (const pick of picks) units[pick % units.length]!.notes.push(`${word} 12.01.2026 № ${pick % 300}-VIII.`);
  return copy;
}

/**
 * As drafters write an insertion after the last item of a list: the item before the new one ends
 * with ";" instead of "." (the case LibreOffice joined with the new line, issue 14).
 */
function semicolonsBeforeInsertions(base: LawDoc, draft: LawDoc): LawDoc {
  const old = new Set(slots(base).map((s) => s.unit.uid));
  for (const { unit, list } of slots(draft)) {
    const before = list[list.indexOf(unit) - 1];
    if (!old.has(unit.uid) && before && old.has(before.uid) && !HEADED_KINDS.has(before.kind) && before.text.endsWith('.')) before.text = `${before.text.slice(0, -1)};`;
  }
  return draft;
}

/** A case: the law in force and the draft, as plain text (what a failure prints). */
interface Case {
  name: string;
  base: LawDoc;
  draft: LawDoc;
}

const parsed = (name: string, base: string, draft: string): Case => ({ name, base: parseLaw(base), draft: parseLaw(draft) });

// Found in use, kept as named cases (STYLE.md: "fuzz finds not kept").
const REGRESSIONS: Case[] = [
  // Rejecting all ran 3) into paragraph 2: the ";" inserted at the end of 3) and the inserted 3-1)
  // share author and time, LibreOffice joined them, and the join took 3)'s paragraph mark.
  parsed(
    'subparagraph 3-1) inserted after 3), which now ends with ";"',
    'Статья 1. Понятия\n1. В настоящем Законе:\n1) грант – средства;\n2) консорциум – объединение;\n3) кластер – группа организаций.\n2. Иные понятия.\n',
    'Статья 1. Понятия\n1. В настоящем Законе:\n1) грант – средства;\n2) консорциум – объединение;\n3) кластер – группа организаций;\n3-1) лаборатория – совместное подразделение.\n2. Иные понятия.\n',
  ),
  // The same with two new subparagraphs and a changed paragraph after them.
  parsed(
    'subparagraphs 2-1) and 2-2) inserted after 2), the next paragraph changed too',
    'Статья 1. А\n1. Текст:\n1) а;\n2) б.\n2. Иное.\n',
    'Статья 1. А\n1. Текст:\n1) а;\n2) б;\n2-1) в;\n2-2) г.\n2. Иное изменено.\n',
  ),
  // A new paragraph after a paragraph whose footnote stays where it is; a new article after a changed last paragraph.
  parsed(
    'paragraph 2-1 inserted after a footnote, article 1-1 after a changed paragraph',
    'Статья 1. А\n1. Один.\n2. Два.\nСноска. Пункт 2 изменен Законом РК от 12.01.2026 № 252-VIII.\n3. Три.\n\nСтатья 2. Б\n1. Четыре.\n',
    'Статья 1. А\n1. Один.\n2. Два.\nСноска. Пункт 2 изменен Законом РК от 12.01.2026 № 252-VIII.\n2-1. Два с половиной.\n3. Три;\n\nСтатья 1-1. Новая\n1. Пять.\n\nСтатья 2. Б\n1. Четыре.\n',
  ),
  // Accepting all left an empty line at the end: a document's last paragraph mark cannot go, so
  // lines deleted at the end must not take it (found by the random drafts below, seed 12345).
  parsed('the last two paragraphs of the law removed', 'Статья 1. А\n1. Один.\n2. Два.\n3. Три.\n', 'Статья 1. А\n1. Один.\n'),
  parsed(
    'the last article repealed, its paragraphs going with it (the stub is a heading, the lines deleted after it are not)',
    'Статья 1. А\n1. Один.\n\nСтатья 2. Б\n1. Два.\n2. Три.\n',
    'Статья 1. А\n1. Один.\n\nСтатья 2. Исключена.\n',
  ),
  // Rejecting all gave the last removed subparagraph its paragraph's style: after a mark moves up,
  // a removed line whose mark goes on reject keeps its own style only if it records it (seed 1).
  parsed(
    "paragraph 2 repealed, its subparagraphs going with it, and paragraph 3 added at the end",
    'Статья 1. А\n1. Один.\n2. Два:\n1) а;\n2) б.\n',
    'Статья 1. А\n1. Один.\n2. Исключен.\n3. Три.\n',
  ),
];

/** Six random drafts (two per language) from the fixed seed, with footnotes and ";" before insertions. */
function randomCases(): Case[] {
  return (['ru', 'kk', 'en'] as Lang[]).flatMap((lang) =>
    fc
      .sample(
        fc.tuple(drafts.lawArb(lang), fc.array(drafts.editArb(lang), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 3 })),
        propertyParams(2),
      )
      .map(([law, edits, picks], i) => {
        const base = withNotes(law, picks);
        return { name: `random draft ${i + 1} (${lang})`, base, draft: semicolonsBeforeInsertions(base, drafts.edited(base, edits)) };
      }),
  );
}

const office = libreOfficePython();
const missing = 'missing' in office ? office.missing : null;
if (missing) console.warn(`Skipping the LibreOffice accept/reject tests: ${missing}.`);

describe.skipIf(missing !== null)(`LibreOffice accepts and rejects the redline DOCX exactly${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const cases = [...REGRESSIONS, ...randomCases()];
  let resolved = new Map<string, Resolved>();
  // A folder of this run's own: another run of the suite on the machine must not remove its files.
  const out = mkdtempSync(join(tmpdir(), 'zan-redline-lo-'));
  const file = (i: number) => join(out, `case-${i}.docx`);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  beforeAll(async () => {
    for (const [i, c] of cases.entries()) {
      const amendments = derive(c.base, c.draft);
      // One author and one time for every change: the condition under which LibreOffice joins changes.
      writeFileSync(file(i), await redlineDocx(redlineParagraphs(c.base, c.draft, amendments), { title: TITLE, lang: c.base.lang, revisionOf: () => ({ author: 'A', date: '2026-11-27T10:00:00Z' }) }));
    }
    // One soffice for all the cases: starting it is most of the time.
    resolved = resolveInLibreOffice('python' in office ? office.python : 'python3', join(out, 'profile'), cases.map((_, i) => file(i)));
  }, 300_000);

  it.each(cases.map((c, i) => ({ ...c, i })))('$name: accept all gives the draft, reject all the law in force', ({ name, base, draft, i }) => {
    const got = resolved.get(file(i))!;
    const context = `\n--- law in force ---\n${printLaw(base)}--- draft ---\n${printLaw(draft)}`;
    const [accepted, rejected] = [printedLines(draft), printedLines(base)];
    expect(got.accept.map((p) => p.text), `accept all${context}`).toEqual(accepted.map((p) => p.text));
    expect(got.reject.map((p) => p.text), `reject all${context}`).toEqual(rejected.map((p) => p.text));
    // The named cases keep their formatting too: the paragraph mark that moved (redline-marks.ts)
    // gives back the style of the line it ends. Not asked of the random ones: LibreOffice 7.4 at
    // times gives a removed line's style to the unchanged line after it when accepting (which of
    // two joined paragraphs keeps its style depends on the direction of its change), a quirk of its
    // own that the DOCX cannot steer.
    if (!name.startsWith('random')) {
      expect(got.accept, `accept all, styles${context}`).toEqual(accepted);
      expect(got.reject, `reject all, styles${context}`).toEqual(rejected);
    }
  });
});
