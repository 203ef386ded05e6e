import { structuralLabel } from '../amend/label';
import type { Amendment, PathStep, UnitState } from '../amend/types';
import type { DiffOp } from '../diff/ops';
import type { Lang } from '../law/language';
import { lineLabel } from '../law/text/markers';
import { escapeXmlText } from '../text/escape';

/** A piece of a table cell: text, bold when it is a changed word. */
export interface Run {
  text: string;
  bold: boolean;
}

/** One row of the comparative table: one amendment. */
export interface ComparativeRow {
  no: number;
  /** The amendment's provision uid (notes and gaps attach to it). */
  uid: string;
  element: string;
  /** Lines of the current wording, each a list of runs. */
  current: Run[][];
  proposed: Run[][];
  justification: string;
}

/** Column titles and the words for absent and excluded wording (DOMAIN.md, "The comparative table"). */
export const TABLE_WORDS: Record<Lang, { no: string; element: string; current: string; proposed: string; justification: string; absent: string; excluded: string; title: string }> = {
  ru: { no: '№', element: 'Структурный элемент', current: 'Действующая редакция', proposed: 'Предлагаемая редакция', justification: 'Обоснование', absent: 'Отсутствует.', excluded: 'Исключить.', title: 'Сравнительная таблица' },
  kk: { no: 'Р/с №', element: 'Құрылымдық элемент', current: 'Қолданыстағы редакция', proposed: 'Ұсынылып отырған редакция', justification: 'Негіздеме', absent: 'Жоқ.', excluded: 'Алынып тасталсын.', title: 'Салыстырмалы кесте' },
  en: { no: 'No.', element: 'Structural element', current: 'Current wording', proposed: 'Proposed wording', justification: 'Justification', absent: 'Absent.', excluded: 'To be excluded.', title: 'Comparative table' },
};

/** The label a unit's line starts with: `Статья 5.`, `2.`, `3)`, nothing for a part. */
function unitLabel(lang: Lang, unit: { kind: string; num: string }): string {
  return lineLabel(lang, unit.kind, unit.num);
}

/** Splits runs into lines at line breaks (a unit's абзацы). */
function lines(runs: Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part) (out[out.length - 1] as Run[]).push({ text: part, bold: run.bold });
    });
  }
  return out;
}

/** One side of a diff as runs: `side` -1 keeps deletions (current wording), 1 insertions (proposed). */
function side(ops: readonly DiffOp[], keep: -1 | 1): Run[] {
  return ops.filter(([op]) => op === 0 || op === keep).map(([op, text]) => ({ text, bold: op !== 0 }));
}

/** A unit's line with its label: the label bold too when the number changed. */
function unitLines(lang: Lang, unit: UnitState, headingRuns: Run[], textRuns: Run[], numberChanged: boolean): Run[][] {
  const label: Run = { text: unitLabel(lang, unit), bold: numberChanged };
  const body = unit.kind === 'section' || unit.kind === 'chapter' || unit.kind === 'article' ? headingRuns : textRuns;
  const first = lines(body);
  (first[0] as Run[]).unshift(label);
  // A headed unit may also have text of its own (rare); it follows on its own lines.
  const rest = unit.kind === 'article' && textRuns.length ? lines(textRuns) : [];
  return [...first, ...rest].map((l) => l.filter((r) => r.text));
}

/**
 * The comparative table of a list of amendments: one row per amendment, in the law's order, with
 * the current and proposed wording of the unit, changed words in bold on each side, "absent" for a
 * new unit, "excluded" for a repealed one, and the justification people gave (by uid).
 */
export function comparativeTable(amendments: readonly Amendment[], lang: Lang, justifications: ReadonlyMap<string, string> = new Map()): ComparativeRow[] {
  const words = TABLE_WORDS[lang];
  return amendments.map((a, i) => {
    const numberChanged = !!a.base && !!a.proposed && a.base.num !== a.proposed.num;
    const current = a.base
      ? [
          ...unitLines(lang, a.base, side(a.headingOps, -1), side(a.ops, -1), numberChanged),
          // The content that leaves with a repealed unit is part of its current wording.
          ...a.dropped.map((u) => [{ text: `${unitLabel(lang, u)}${u.heading || u.text}`, bold: true }]),
        ]
      : [[{ text: words.absent, bold: false }]];
    let proposed: Run[][];
    if (!a.proposed) proposed = [[{ text: words.excluded, bold: true }]];
    else if (a.kind === 'repeal') proposed = [[{ text: unitLabel(lang, a.proposed), bold: false }, { text: words.excluded, bold: true }]];
    else {
      proposed = unitLines(lang, a.proposed, side(a.headingOps, 1), side(a.ops, 1), numberChanged);
      const inserted = (a.insertedChildren ?? []).flatMap(function flat(c): Run[][] {
        return [[{ text: `${unitLabel(lang, c)}${c.heading || c.text}`, bold: true }], ...c.children.flatMap(flat)];
      });
      proposed.push(...inserted);
    }
    return {
      no: i + 1,
      uid: a.uid,
      element: structuralLabel(a.path, lang),
      current,
      proposed,
      justification: justifications.get(a.uid) ?? '',
    };
  });
}

/** A cell's lines as HTML paragraphs, changed words bold. */
export function cellHtml(content: Run[][]): string {
  return content.map((l) => `<p>${l.map((r) => (r.bold ? `<b>${escapeXmlText(r.text)}</b>` : escapeXmlText(r.text))).join('')}</p>`).join('');
}

/**
 * A row for a unit that did not change, shown as context beside the changes in a comparison:
 * its wording on both sides, nothing marked. `path` addresses it as an amendment's path does.
 */
export function unchangedRow(lang: Lang, unit: UnitState, path: readonly PathStep[]): Omit<ComparativeRow, 'no' | 'justification'> {
  const runs = (text: string): Run[] => (text ? [{ text, bold: false }] : []);
  const wording = unitLines(lang, unit, runs(unit.heading), runs(unit.text), false);
  return { uid: unit.uid, element: structuralLabel(path, lang), current: wording, proposed: wording };
}

/** A table as a standalone HTML page, landscape when printed: its title, its columns (width in %) and headings, its rows' HTML. */
export function tablePageHtml(page: { lang: Lang; title: string; heading: string; widths: readonly number[]; headings: readonly string[]; rows: string; fontPt: number }): string {
  return `<!doctype html>
<html lang="${page.lang}"><head><meta charset="utf-8"><title>${escapeXmlText(page.title)}</title>
<style>
@page { size: A4 landscape; margin: 15mm; }
body { font-family: 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif; font-size: ${page.fontPt}pt; }
h1 { font-size: 14pt; text-align: center; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 4pt 6pt; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
td p { margin: 0 0 4pt; text-align: justify; }
</style></head><body>
<h1>${escapeXmlText(page.title)}<br>${escapeXmlText(page.heading)}</h1>
<table><colgroup>${page.widths.map((w) => `<col style="width: ${w}%">`).join('')}</colgroup>
<thead><tr>${page.headings.map((h) => `<th>${escapeXmlText(h)}</th>`).join('')}</tr></thead>
<tbody>
${page.rows}
</tbody></table></body></html>
`;
}

/** The comparative table as a standalone HTML page (landscape when printed). */
export function comparativeTableHtml(rows: readonly ComparativeRow[], lang: Lang, heading: string): string {
  const w = TABLE_WORDS[lang];
  const body = rows
    .map((r) => `<tr><td class="no">${r.no}</td><td>${escapeXmlText(r.element)}</td><td>${cellHtml(r.current)}</td><td>${cellHtml(r.proposed)}</td><td>${escapeXmlText(r.justification)}</td></tr>`)
    .join('\n');
  return tablePageHtml({ lang, title: w.title, heading, widths: [5, 15, 30, 30, 20], headings: [w.no, w.element, w.current, w.proposed, w.justification], rows: body, fontPt: 12 });
}
