import type { Lang } from '../law/language';
import type { RedlineParagraph } from './model';

/** The words of an HTML redline, per language. */
export const REDLINE_WORDS: Record<Lang, { inserted: string; deleted: string; prepared: string; redline: string }> = {
  ru: { inserted: 'добавлено', deleted: 'исключено', prepared: 'Подготовлено', redline: 'Текст с изменениями' },
  kk: { inserted: 'қосылды', deleted: 'алынып тасталды', prepared: 'Дайындаған', redline: 'Өзгерістері бар мәтін' },
  en: { inserted: 'inserted', deleted: 'deleted', prepared: 'Prepared by', redline: 'Redline' },
};

/** What an HTML redline shows besides its lines. */
export interface RedlineHtmlOptions {
  lang: Lang;
  title: string;
  /** Who prepared it and when (printed under the title). */
  preparedBy?: string;
  /** Notes on amendments (the gaps they target and why), by uid: shown under the amendment's first changed line. */
  comments?: ReadonlyMap<string, string>;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A redline as one self-contained, printable HTML page: insertions underlined in green, deletions
 * struck through in red (the editor's own marks), headings bold, notes on amendments in the margin
 * style of a reviewer's comment. The PDF redline is this page printed by Chromium, so the two agree.
 */
export function redlineHtml(paragraphs: readonly RedlineParagraph[], options: RedlineHtmlOptions): string {
  const w = REDLINE_WORDS[options.lang];
  const shown = new Set<string>();
  const lines = paragraphs.map((p) => {
    const runs = p.runs
      .map((r) => (r.change === 'ins' ? `<ins>${escapeHtml(r.text)}</ins>` : r.change === 'del' ? `<del>${escapeHtml(r.text)}</del>` : escapeHtml(r.text)))
      .join('');
    // A line break added or taken out inside a line's text shows as a marked pilcrow at its end.
    const mark = p.mark && !p.whole ? `<${p.mark.change} class="mark">¶</${p.mark.change}>` : '';
    const classes = [p.kind, p.headed ? 'heading' : '', p.whole ? `whole-${p.whole}` : ''].filter(Boolean).join(' ');
    const first = p.runs.find((r) => r.amendment)?.amendment;
    const note = first && !shown.has(first) ? options.comments?.get(first) : undefined;
    if (first && note) shown.add(first);
    return `<p class="${classes}">${runs}${mark}</p>${note ? `\n<aside class="note">${escapeHtml(note).replace(/\n/g, '<br>')}</aside>` : ''}`;
  });
  return `<!doctype html>
<html lang="${options.lang}"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>
<style>
@page { size: A4; margin: 20mm 18mm; }
body { font-family: 'PT Serif', 'Liberation Serif', 'DejaVu Serif', 'Times New Roman', serif; font-size: 12pt; line-height: 1.45; color: #1d2430; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 4pt; }
.meta { text-align: center; font-size: 9.5pt; color: #4a5568; margin: 0 0 14pt; }
.legend { font-size: 9.5pt; color: #4a5568; margin: 0 0 14pt; }
p { margin: 0 0 4pt; text-align: justify; }
p.heading { text-align: left; font-weight: 700; margin-top: 10pt; }
p.section, p.chapter { text-align: center; }
p.elision { text-align: center; color: #7a8699; }
ins { text-decoration: underline; text-decoration-color: #2f7d4f; text-decoration-thickness: 1.5pt; background: #e6f4ea; }
del { margin-right: 0.2em; text-decoration: line-through; text-decoration-color: #b3261e; color: #b3261e; background: #fdecea; }
aside.note { font-family: 'PT Sans', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 9pt; color: #4a5568; border-left: 3px solid #c9a227; background: #fbf6e6; padding: 3pt 8pt; margin: 2pt 0 8pt 18pt; break-inside: avoid; }
@media print { ins, del, aside.note { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style>
</head><body>
<h1>${escapeHtml(options.title)}</h1>
${options.preparedBy ? `<p class="meta">${escapeHtml(w.redline)} · ${escapeHtml(w.prepared)}: ${escapeHtml(options.preparedBy)}</p>\n` : ''}<p class="legend"><ins>${w.inserted}</ins> · <del>${w.deleted}</del></p>
${lines.join('\n')}
</body></html>
`;
}
