// The redline DOCX of the whole 2 MB synthetic code, run in a process of its own (by run.ts) so
// that its peak memory is its own. Prints one JSON line.
import { derive } from '../../shared/amend';
import { redlineHtml, redlineParagraphs } from '../../shared/redline';
import { redlineDocx } from '../../electron/io/redline-docx';
import { editedDraft, syntheticCode } from './synthetic';

const code = syntheticCode(1000, 1);
const { draft } = editedDraft(code, { replaced: 40, inserted: 10, repealed: 5, moved: 5, renumbered: 5 });
const amendments = derive(code, draft);
const who = () => ({ author: 'Bench', date: '2026-11-27T00:00:00Z' });

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
// Baseline: the same law as a DOCX with no changes (what writing 2 MB of Word costs anyway).
// Alternated, three rounds each, so neither side gets the warm-up alone.
const plainMs: number[] = [];
const redlineMs: number[] = [];
let size = 0;
for (let round = 0; round < 3; round++) {
  plainMs.push((await timed(() => redlineDocx(redlineParagraphs(code, code, []), { title: 'Code', revisionOf: who }))).ms);
  const r = await timed(() => redlineDocx(redlineParagraphs(code, draft, amendments), { title: 'Code', revisionOf: who }));
  redlineMs.push(r.ms);
  size = r.value.length;
}
const plain = { ms: median(plainMs) };
const redline = { ms: median(redlineMs), value: { length: size } };
const html = await timed(() => redlineHtml(redlineParagraphs(code, draft, amendments), { lang: code.lang, title: 'Code' }));
process.stdout.write(
  `${JSON.stringify({
    amendments: amendments.length,
    plain_docx_ms: Math.round(plain.ms),
    redline_docx_ms: Math.round(redline.ms),
    ratio_redline_over_plain: Number((redline.ms / plain.ms).toFixed(2)),
    redline_docx_mb: Number((redline.value.length / 1e6).toFixed(2)),
    redline_html_ms: Math.round(html.ms),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
