import type { Lang } from '../law/language';
import { escapeXmlText } from '../text/escape';
import type { RedlineParagraph } from './model';
import { pageCss } from './page-css';

/** The words of an HTML redline, per language. */
export const REDLINE_WORDS: Record<Lang, { inserted: string; deleted: string; changed: string; prepared: string; redline: string }> = {
  ru: { inserted: 'добавлено', deleted: 'исключено', changed: 'строка изменена', prepared: 'Подготовлено', redline: 'Текст с изменениями' },
  kk: { inserted: 'қосылды', deleted: 'алынып тасталды', changed: 'жол өзгертілді', prepared: 'Дайындаған', redline: 'Өзгерістері бар мәтін' },
  en: { inserted: 'inserted', deleted: 'deleted', changed: 'changed line', prepared: 'Prepared by', redline: 'Redline' },
};

/** What an HTML redline shows besides its lines. */
export interface RedlineHtmlOptions {
  lang: Lang;
  title: string;
  /** Who prepared it and when (printed under the title). */
  preparedBy?: string;
  /** Notes on amendments (the gaps they target and why), by uid: shown under the amendment's first changed line. */
  comments?: ReadonlyMap<string, string>;
  /** The package the draft is amended in, named in the running header. */
  packageTitle?: string;
  /** The date of the draft's text (YYYY-MM-DD), in the running header. */
  date?: string;
}

/** Whether a line shows a change (and so gets a change bar). */
const isChanged = (p: RedlineParagraph) => p.whole !== null || p.mark !== null || p.runs.some((r) => r.change);

/**
 * A redline as one self-contained, printable HTML page: insertions underlined in green, deletions
 * struck through in red (the editor's own marks), a change bar in the margin beside every changed
 * line, headings bold, subparagraphs indented under their paragraph, footnotes where the law prints
 * them, notes on amendments in the style of a reviewer's comment, kept on the page of their line.
 * Every page has the running header (the law, the package, the date, "Проект") and its number
 * (page-css.ts). The PDF redline is this page printed by Chromium, so the two agree.
 */
export function redlineHtml(paragraphs: readonly RedlineParagraph[], options: RedlineHtmlOptions): string {
  const w = REDLINE_WORDS[options.lang];
  const shown = new Set<string>();
  const noteOf = (p: RedlineParagraph) => {
    const first = p.runs.find((r) => r.amendment)?.amendment;
    return first && !shown.has(first) ? options.comments?.get(first) : undefined;
  };
  const lines = paragraphs.map((p, i) => {
    const runs = p.runs
      .map((r) => (r.change === 'ins' ? `<ins>${escapeXmlText(r.text)}</ins>` : r.change === 'del' ? `<del>${escapeXmlText(r.text)}</del>` : escapeXmlText(r.text)))
      .join('');
    // A line break added or taken out inside a line's text shows as a marked pilcrow at its end.
    const mark = p.mark && !p.whole ? `<${p.mark.change} class="mark">¶</${p.mark.change}>` : '';
    const note = noteOf(p);
    if (note) shown.add(p.runs.find((r) => r.amendment)!.amendment!);
    // A line with a note or a footnote after it keeps to it: a note alone at the top of a page reads as the next line's.
    const keep = note || paragraphs[i + 1]?.kind === 'note';
    const classes = [p.kind, p.headed ? 'heading' : '', p.whole ? `whole-${p.whole}` : '', isChanged(p) ? 'changed' : '', keep ? 'keep' : ''].filter(Boolean).join(' ');
    return `<p class="${classes}">${runs}${mark}</p>${note ? `\n<aside class="note">${escapeXmlText(note).replace(/\n/g, '<br>')}</aside>` : ''}`;
  });
  return `<!doctype html>
<html lang="${options.lang}"><head><meta charset="utf-8"><title>${escapeXmlText(options.title)}</title>
<style>
${pageCss(options.lang, { law: options.title, package: options.packageTitle, date: options.date })}
body { font-family: 'PT Serif', 'Liberation Serif', 'DejaVu Serif', 'Times New Roman', serif; font-size: 12pt; line-height: 1.45; color: #1d2430; margin: 0; padding-left: 7mm; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 4pt; }
.meta { text-align: center; text-indent: 0; font-size: 9.5pt; color: #4a5568; margin: 0 0 14pt; }
.legend { text-indent: 0; font-size: 9.5pt; color: #4a5568; margin: 0 0 14pt; }
/* The change bar is the line's own left border, drawn out into the body's padding (inside the printed
   area: Chromium clips what is outside it). Not a positioned ::before: positioned boxes are painted
   after the rest, and a PDF's text would then read out of order. */
p { --indent: 0mm; margin: 0 0 4pt; padding-left: var(--indent); text-align: justify; text-indent: 12.5mm; orphans: 2; widows: 2; }
p.changed { border-left: 2pt solid #334155; margin-left: -6mm; padding-left: calc(var(--indent) + 6mm - 2pt); }
.legend .bar { border-left: 2pt solid #334155; padding-left: 3pt; }
p.heading { text-align: left; font-weight: 700; margin-top: 10pt; }
p.heading, p.keep { break-after: avoid; }
p.section, p.chapter { text-align: center; text-indent: 0; }
p.subparagraph { --indent: 12.5mm; }
p.note { font-size: 9.5pt; line-height: 1.35; color: #55606e; font-style: italic; break-before: avoid; }
p.elision { text-align: center; text-indent: 0; color: #7a8699; }
ins { text-decoration: underline; text-decoration-color: #2f7d4f; text-decoration-thickness: 1.5pt; background: #e6f4ea; }
del { margin-right: 0.2em; text-decoration: line-through; text-decoration-color: #b3261e; color: #b3261e; background: #fdecea; }
aside.note { font-family: 'PT Sans', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 9pt; color: #4a5568; border-left: 3px solid #c9a227; background: #fbf6e6; padding: 3pt 8pt; margin: 2pt 0 8pt 18pt; break-inside: avoid; break-before: avoid; }
@media print { ins, del, aside.note { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style>
</head><body>
<h1>${escapeXmlText(options.title)}</h1>
${options.preparedBy ? `<p class="meta">${escapeXmlText(w.redline)} · ${escapeXmlText(w.prepared)}: ${escapeXmlText(options.preparedBy)}</p>\n` : ''}<p class="legend"><ins>${w.inserted}</ins> · <del>${w.deleted}</del> · <span class="bar">${w.changed}</span></p>
${lines.join('\n')}
</body></html>
`;
}
