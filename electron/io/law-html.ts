import type { Lang } from '../../shared/law';
import { escapeXmlText } from '../../shared/text/escape';
import { amendingLawLayout, NAME_BLANK } from './amending-law-layout';

/**
 * The text of an amending law as one self-contained HTML page, laid out as its DOCX is
 * (law-docx.ts): "Проект" at the top right, the heading and the title centred bold, the articles,
 * the signature block with the name left blank at the right; printed A4 with the page number
 * centred at the foot of every page.
 */
export function amendingLawHtml(lang: Lang, packageTitle: string, lawText: string): string {
  const layout = amendingLawLayout(lang, packageTitle, lawText);
  const lines = layout.lines.map((l) => (l.label ? `<p class="article"><b>${escapeXmlText(l.label)}</b>${escapeXmlText(l.rest)}</p>` : `<p>${escapeXmlText(l.rest)}</p>`));
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeXmlText(layout.title)}</title>
<style>
@page { size: A4; margin: 20mm 15mm 18mm 25mm; @bottom-center { content: counter(page); font-size: 9pt; color: #4a5568; } }
body { font-family: 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif; font-size: 14pt; line-height: 1.4; color: #111; margin: 0; }
.stamp { text-align: right; text-indent: 0; font-weight: 700; margin: 0 0 18pt; }
h1, h2 { font-size: 14pt; font-weight: 700; text-align: center; margin: 0 0 12pt; break-after: avoid; }
h2 { margin-bottom: 18pt; }
p { margin: 0 0 3pt; text-align: justify; text-indent: 12.5mm; orphans: 2; widows: 2; }
p.article { margin-top: 12pt; break-after: avoid; }
/* The signature block: who signs at the left, the blank for the name at the right margin. */
.signature { display: flex; justify-content: space-between; align-items: baseline; margin-top: 36pt; break-inside: avoid; }
.signature b { font-weight: 700; }
</style>
</head><body>
<p class="stamp">${escapeXmlText(layout.stamp)}</p>
<h1>${escapeXmlText(layout.heading)}</h1>
<h2>${escapeXmlText(layout.title)}</h2>
${lines.join('\n')}
<div class="signature"><b>${escapeXmlText(layout.signatory)}</b><span>${NAME_BLANK}</span></div>
</body></html>
`;
}
