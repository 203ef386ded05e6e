import { AlignmentType, DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Amendment } from '../../shared/amend';
import type { DiffOp } from '../../shared/diff/ops';
import { headingLabel, walkProvisions, type LawDoc, type Provision } from '../../shared/law';
import type { HeadingKind } from '../../shared/law/text/markers';

const FONT = 'Times New Roman';

/** Who made the changes and when, as Word shows it on each revision. */
export interface RevisionAuthor {
  author: string;
  date: string;
}

function label(lang: LawDoc['lang'], unit: Provision): string {
  if (unit.kind === 'section' || unit.kind === 'chapter' || unit.kind === 'article') return `${headingLabel(lang, unit.kind as HeadingKind, unit.num)} `;
  if (unit.kind === 'paragraph') return `${unit.num}. `;
  if (unit.kind === 'subparagraph') return `${unit.num}) `;
  return '';
}

/**
 * The draft as a Word document with its amendments as native tracked changes (`w:ins` / `w:del`
 * with author and date), so that Word and LibreOffice show each change as a revision a reviewer can
 * accept or reject. Unchanged provisions are plain text; a new unit is one insertion; a unit removed
 * from the text is shown deleted where it stood.
 */
export async function redlineDocx(base: LawDoc, draft: LawDoc, amendments: readonly Amendment[], who: RevisionAuthor, title: string): Promise<Buffer> {
  let revision = 0;
  const next = () => ({ id: ++revision, author: who.author, date: who.date });
  const run = (op: DiffOp[0], text: string, bold = false): ParagraphChild =>
    op === 1 ? new InsertedTextRun({ text, bold, font: FONT, ...next() }) : op === -1 ? new DeletedTextRun({ text, bold, font: FONT, ...next() }) : new TextRun({ text, bold, font: FONT });
  const byUid = new Map(amendments.map((a) => [a.uid, a]));
  // Removed units are shown where they stood: after the unit before them in the base, if it is still there.
  const removedAfter = new Map<string, Amendment[]>();
  const present = new Set<string>();
  walkProvisions(draft.body, (u) => void present.add(u.uid));
  let insideNew = 0;
  const paragraphs: Paragraph[] = [];
  const emit = (unit: Provision) => {
    const a = byUid.get(unit.uid);
    const headed = unit.kind === 'section' || unit.kind === 'chapter' || unit.kind === 'article';
    const isNew = a?.kind === 'insert' || insideNew > 0;
    const children: ParagraphChild[] = [];
    const labelText = label(draft.lang, unit);
    if (isNew) children.push(run(1, `${labelText}${headed ? unit.heading : unit.text}`, headed));
    else {
      if (labelText) {
        if (a?.base && a.proposed && a.base.num !== a.proposed.num) children.push(run(-1, label(draft.lang, { ...unit, num: a.base.num }), headed), run(1, labelText, headed));
        else children.push(run(0, labelText, headed));
      }
      const ops = a ? (headed ? a.headingOps : a.ops) : null;
      if (ops && ops.length) for (const [op, text] of ops) children.push(run(op, text, headed));
      else children.push(run(0, headed ? unit.heading : unit.text, headed));
    }
    paragraphs.push(new Paragraph({ alignment: headed ? AlignmentType.LEFT : AlignmentType.JUSTIFIED, spacing: { before: headed ? 160 : 0, after: 60 }, children }));
    if (a?.kind === 'insert') insideNew += 1;
    unit.children.forEach(emit);
    if (a?.kind === 'insert') insideNew -= 1;
    for (const removed of removedAfter.get(unit.uid) ?? []) {
      const base = removed.base;
      if (base) paragraphs.push(new Paragraph({ children: [run(-1, `${label(draft.lang, { ...unit, kind: base.kind, num: base.num })}${base.heading || base.text}`)] }));
    }
  };
  // Anchor each removal to the unit before it in the base (document order) that the draft still has.
  const removals = new Map(amendments.filter((a) => !a.proposed && a.base).map((a) => [a.uid, a]));
  let lastPresent: string | null = null;
  const orphans: Amendment[] = [];
  walkProvisions(base.body, (u) => {
    const removal = removals.get(u.uid);
    if (removal) {
      if (lastPresent) removedAfter.set(lastPresent, [...(removedAfter.get(lastPresent) ?? []), removal]);
      else orphans.push(removal);
    } else if (present.has(u.uid)) lastPresent = u.uid;
  });
  for (const removed of orphans) if (removed.base) paragraphs.push(new Paragraph({ children: [run(-1, removed.base.heading || removed.base.text)] }));
  draft.body.forEach(emit);
  const doc = new Document({
    creator: who.author,
    title,
    features: { trackRevisions: true },
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: title, bold: true, font: FONT, size: 28 })] }), ...paragraphs] }],
  });
  return Packer.toBuffer(doc);
}
