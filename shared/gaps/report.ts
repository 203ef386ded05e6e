import type { Lang } from '../law/language';
import { csvFile } from '../text/csv';
import { escapeXmlText } from '../text/escape';

/** The parts of a package's coverage a report needs (electron/services/gaps.ts makes it). */
export interface CoverageReportInput {
  title: string;
  perGap: { code: string; count: number }[];
  amendments: { label: string; lang: string; kind: string; gapCodes: string[]; justification: string; evidence: string }[];
  uncoveredGaps: string[];
  gapNames: Map<string, string>;
}

const WORDS: Record<Lang, { title: string; gap: string; count: string; element: string; lang: string; kind: string; gaps: string; justification: string; evidence: string; uncovered: string }> = {
  ru: { title: 'Покрытие пробелов', gap: 'Пробел', count: 'Поправок', element: 'Структурный элемент', lang: 'Язык', kind: 'Вид', gaps: 'Пробелы', justification: 'Обоснование', evidence: 'Подтверждение', uncovered: 'Не закрыты' },
  kk: { title: 'Олқылықтарды қамту', gap: 'Олқылық', count: 'Түзетулер', element: 'Құрылымдық элемент', lang: 'Тіл', kind: 'Түрі', gaps: 'Олқылықтар', justification: 'Негіздеме', evidence: 'Растау', uncovered: 'Жабылмаған' },
  en: { title: 'Gap coverage', gap: 'Gap', count: 'Amendments', element: 'Structural element', lang: 'Language', kind: 'Kind', gaps: 'Gaps', justification: 'Justification', evidence: 'Evidence', uncovered: 'Not covered' },
};

/**
 * The coverage as CSV: one row per amendment with its gaps, justification and evidence (UTF-8 with
 * BOM, for Excel). Every column is text a drafter wrote or the app named, so every cell that could
 * start a formula is neutralised (shared/text/csv.ts).
 */
export function coverageCsv(input: CoverageReportInput, lang: Lang): string {
  const w = WORDS[lang];
  const rows = [
    [w.element, w.lang, w.kind, w.gaps, w.justification, w.evidence],
    ...input.amendments.map((a) => [a.label, a.lang, a.kind, a.gapCodes.join(' '), a.justification, a.evidence]),
  ];
  return csvFile(rows);
}

/** The coverage as an HTML report: amendments per gap (uncovered ones marked), then every amendment. */
export function coverageHtml(input: CoverageReportInput, lang: Lang): string {
  const w = WORDS[lang];
  const gapRows = input.perGap
    .map((g) => `<tr${g.count === 0 ? ' class="empty"' : ''}><td>${escapeXmlText(input.gapNames.get(g.code) ?? g.code)}</td><td>${escapeXmlText(g.code)}</td><td>${g.count || `0 — ${escapeXmlText(w.uncovered)}`}</td></tr>`)
    .join('\n');
  const amendmentRows = input.amendments
    .map((a) => `<tr><td>${escapeXmlText(a.label)}</td><td>${escapeXmlText(a.lang)}</td><td>${escapeXmlText(a.kind)}</td><td>${escapeXmlText(a.gapCodes.map((c) => input.gapNames.get(c) ?? c).join('; '))}</td><td>${escapeXmlText(a.justification)}</td><td>${escapeXmlText(a.evidence)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeXmlText(w.title)}</title>
<style>body{font-family:'Liberation Sans',Arial,sans-serif;font-size:11pt}table{border-collapse:collapse;width:100%;margin-bottom:18pt}th,td{border:1px solid #888;padding:3pt 6pt;vertical-align:top;text-align:left}th{background:#eee}tr.empty td{color:#b3261e}</style>
</head><body>
<h1>${escapeXmlText(w.title)}: ${escapeXmlText(input.title)}</h1>
<table><thead><tr><th>${w.gap}</th><th>ID</th><th>${w.count}</th></tr></thead><tbody>
${gapRows}
</tbody></table>
<table><thead><tr><th>${w.element}</th><th>${w.lang}</th><th>${w.kind}</th><th>${w.gaps}</th><th>${w.justification}</th><th>${w.evidence}</th></tr></thead><tbody>
${amendmentRows}
</tbody></table>
</body></html>
`;
}
