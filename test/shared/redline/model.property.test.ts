import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive } from '../../../shared/amend';
import { parseLaw, type Lang, type LawDoc, type Provision } from '../../../shared/law';
import { redlineParagraphs, type RedlineParagraph } from '../../../shared/redline';
import { lawLines } from '../../helpers/law-lines';
import { editArb, edited, lawArb } from '../amend/random-edits';
import * as drafts from '../instructions/random-drafts';
import { propertyParams } from '../../helpers/property';

/**
 * What Word shows after "Accept all changes" (or "Reject all" when `accept` is false): each line
 * without the rejected side; a line whose paragraph mark goes joins the next one.
 */
function resolved(paragraphs: readonly RedlineParagraph[], accept: boolean): string[] {
  const gone = accept ? 'del' : 'ins';
  const lines: string[] = [];
  let carry = '';
  for (const p of paragraphs) {
    const text = carry + p.runs.filter((r) => r.change !== gone).map((r) => r.text).join('');
    carry = p.mark?.change === gone ? text : '';
    if (!carry) lines.push(text);
  }
  if (carry) lines.push(carry);
  return lines.filter(Boolean);
}

/** Turns some spaces into line breaks (абзацы), at the places picked, in a copy of the law. */
function withBreaks(doc: LawDoc, picks: readonly number[]): LawDoc {
  const copy = structuredClone(doc);
  const units: Provision[] = [];
  const walk = (list: Provision[]) => list.forEach((u) => (u.text.includes(' ') && units.push(u), walk(u.children)));
  walk(copy.body);
  for (const pick of picks) {
    const u = units[pick % Math.max(units.length, 1)];
    if (!u) break;
    const spaces = [...u.text.matchAll(/ /g)].map((m) => m.index!);
    const at = spaces[Math.floor(pick / 7) % spaces.length]!;
    u.text = `${u.text.slice(0, at)}\n${u.text.slice(at + 1)}`;
  }
  return copy;
}

/** Footnotes on some units (picked by number), in a copy of the law. */
function withNotes(doc: LawDoc, picks: readonly number[]): LawDoc {
  const copy = structuredClone(doc);
  const units: Provision[] = [];
  const walk = (list: Provision[]) => list.forEach((u) => (units.push(u), walk(u.children)));
  walk(copy.body);
  for (const pick of picks) units[pick % units.length]?.notes.push(`Сноска. ${pick}.`);
  return copy;
}

describe('the redline model', () => {
  it('prints footnotes where the law prints them: after their unit, as they are; with a unit that comes or goes, inserted or deleted', () => {
    const base = parseLaw('Статья 1. А\n1. Один.\nСноска. О пункте 1.\n2. Два:\n1) а.\nСноска. О подпункте 1).\n\nСтатья 2. Б\nСноска. О статье 2.\n1. Три.\n');
    const draft = parseLaw('Статья 1. А\n1. Один изменен.\nСноска. О пункте 1.\n2. Два:\n1) а.\nСноска. О подпункте 1).\n\nСтатья 1-1. Новая\n1. Четыре.\n');
    const shown = redlineParagraphs(base, draft, derive(base, draft)).map((p) => [p.kind, p.whole ?? '', p.runs.map((r) => r.text).join('')]);
    expect(shown).toEqual([
      ['article', '', 'Статья 1. А'],
      ['paragraph', '', '1. Один изменен.'],
      ['note', '', 'Сноска. О пункте 1.'],
      ['paragraph', '', '2. Два:'],
      ['subparagraph', '', '1) а.'],
      ['note', '', 'Сноска. О подпункте 1).'],
      ['article', 'ins', 'Статья 1-1. Новая'],
      ['paragraph', 'ins', '1. Четыре.'],
      ['article', 'del', 'Статья 2. Б'],
      ['note', 'del', 'Сноска. О статье 2.'],
      ['paragraph', 'del', '1. Три.'],
    ]);
  });

  it('with footnotes on the law: accepting every change gives the draft, rejecting every change the law in force, footnotes included', () => {
    fc.assert(
      fc.property(drafts.lawArb('ru'), fc.array(drafts.editArb('ru'), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 4 }), (law, edits, picks) => {
        const base = withNotes(law, picks);
        const draft = drafts.edited(base, edits);
        const paragraphs = redlineParagraphs(base, draft, derive(base, draft));
        expect(resolved(paragraphs, true)).toEqual(lawLines(draft, { notes: true }));
        expect(resolved(paragraphs, false)).toEqual(lawLines(base, { notes: true }));
      }),
      propertyParams(300),
    );
  });

  it.each(['ru', 'kk', 'en'] as Lang[])('accepting every change gives the draft, rejecting every change gives the law in force, line by line (%s)', (lang) => {
    fc.assert(
      fc.property(lawArb(lang), fc.array(editArb(lang), { minLength: 1, maxLength: 8 }), (base, edits) => {
        const draft = edited(base, edits);
        const paragraphs = redlineParagraphs(base, draft, derive(base, draft));
        expect(resolved(paragraphs, true)).toEqual(lawLines(draft));
        expect(resolved(paragraphs, false)).toEqual(lawLines(base));
      }),
      propertyParams(300),
    );
  });

  it.each(['ru', 'kk', 'en'] as Lang[])('the same on laws with chapters and valid Kazakh numbering, edited as a drafter would (%s)', (lang) => {
    fc.assert(
      fc.property(drafts.lawArb(lang), fc.array(drafts.editArb(lang), { minLength: 1, maxLength: 8 }), (base, edits) => {
        const draft = drafts.edited(base, edits);
        const paragraphs = redlineParagraphs(base, draft, derive(base, draft));
        expect(resolved(paragraphs, true)).toEqual(lawLines(draft));
        expect(resolved(paragraphs, false)).toEqual(lawLines(base));
      }),
      propertyParams(300),
    );
  });

  it('line breaks added or taken out by a change are tracked paragraph marks (accept all = draft, reject all = law in force)', () => {
    const picks = fc.array(fc.nat(), { maxLength: 4 });
    fc.assert(
      fc.property(lawArb('ru'), fc.array(editArb('ru'), { maxLength: 4 }), picks, picks, (law, edits, inBase, inDraft) => {
        const base = withBreaks(law, inBase);
        const draft = withBreaks(edited(law, edits), inDraft);
        const paragraphs = redlineParagraphs(base, draft, derive(base, draft));
        expect(resolved(paragraphs, true)).toEqual(lawLines(draft));
        expect(resolved(paragraphs, false)).toEqual(lawLines(base));
      }),
      propertyParams(500),
    );
  });

  it('"changed articles only" keeps every changed line, in order, and marks each gap once', () => {
    fc.assert(
      fc.property(drafts.lawArb('ru'), fc.array(drafts.editArb('ru'), { minLength: 1, maxLength: 8 }), (base, edits) => {
        const draft = drafts.edited(base, edits);
        const amendments = derive(base, draft);
        const all = redlineParagraphs(base, draft, amendments);
        const only = redlineParagraphs(base, draft, amendments, { changedOnly: true });
        const changed = (p: RedlineParagraph) => p.whole !== null || p.runs.some((r) => r.change);
        expect(only.filter(changed)).toEqual(all.filter(changed));
        // Kept lines keep their order; "…" never starts, repeats or stands where nothing was left out.
        const kept = only.filter((p) => p.kind !== 'elision');
        const keys = all.map((p) => JSON.stringify(p));
        let at = -1;
        for (const p of kept) {
          const next = keys.indexOf(JSON.stringify(p), at + 1);
          expect(next).toBeGreaterThan(at);
          at = next;
        }
        expect(only[0]?.kind).not.toBe('elision');
        only.forEach((p, i) => p.kind === 'elision' && expect(only[i + 1]?.kind).not.toBe('elision'));
        if (kept.length === all.length) expect(only.length).toBe(all.length);
        // Every kept line comes with the headings of the chapters it stands in.
        const headings = new Set(kept.filter((p) => p.kind === 'chapter' || p.kind === 'section').map((p) => p.scope));
        for (const p of kept) for (const c of p.containers) expect(headings.has(c)).toBe(true);
      }),
      propertyParams(300),
    );
  });
});
