// `npm run bench`: amendments derivation against flat text diffs, on a synthetic 2 MB code.
// Everything is measured in one run on this machine and reported as ratios; the last line is JSON.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Derivation, derive } from '../../shared/amend';
import { printLaw, type LawDoc, type Provision } from '../../shared/law';
import { flatDmp, gitWordDiff, jsdiffWords, wordsOfAmendments } from './methods';
import { accuracy, editedDraft, syntheticCode } from './synthetic';
import { measureParity } from './parity';
import { measureSearch } from './search';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

function firstParagraph(doc: LawDoc): Provision {
  let hit: Provision | undefined;
  const walk = (units: Provision[]) => {
    for (const u of units) {
      if (hit) return;
      if (u.kind === 'paragraph') hit = u;
      else walk(u.children);
    }
  };
  walk(doc.body);
  return hit as Provision;
}

function copyLaw(doc: LawDoc): LawDoc {
  const copy = (p: Provision): Provision => ({ ...p, notes: [...p.notes], children: p.children.map(copy) });
  return { lang: doc.lang, body: doc.body.map(copy) };
}

/** Median time of re-deriving after a one-word edit in one paragraph, over many distinct edits. */
function incrementalMs(base: LawDoc, rounds: number): number {
  const live = new Derivation(base, copyLaw(base));
  const target = firstParagraph(base);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // A new word every round, so no cached diff helps.
    const text = target.text.replace(/^\S+/, `изменение${i}`);
    times.push(time(() => (live.updateText(target.uid, target.heading, text), live.list())).ms);
  }
  return median(times);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const code = syntheticCode(1000, 1);
const codeText = printLaw(code);
const { draft, truth } = editedDraft(code, { replaced: 40, inserted: 10, repealed: 5, moved: 5, renumbered: 5 });
const draftText = printLaw(draft);
const small = syntheticCode(10, 3);
log(`synthetic code: ${(Buffer.byteLength(codeText) / 1e6).toFixed(2)} MB, ${codeText.split('\n').length} lines; small law: ${(Buffer.byteLength(printLaw(small)) / 1e3).toFixed(1)} KB`);
log('edits: 40 word replacements, 10 inserted paragraphs (N-1), 5 repealed, 5 moved, 5 renumbered');

// Warm up the JIT on the same work before measuring.
for (let i = 0; i < 10; i++) derive(code, draft);
const deriveRuns = Array.from({ length: 15 }, () => time(() => derive(code, draft)));
const deriveMs = median(deriveRuns.map((r) => r.ms));
const amendments = deriveRuns[0]!.value;
const accDerive = accuracy(wordsOfAmendments(amendments), truth);

const dmpRuns = Array.from({ length: 3 }, () => time(() => flatDmp(codeText, draftText)));
const dmpMs = median(dmpRuns.map((r) => r.ms));
const dmp = dmpRuns[0]!.value;
const accDmp = accuracy(dmp.words, truth);

const js = time(() => jsdiffWords(codeText, draftText, 60_000));
const accJs = js.value ? accuracy(js.value, truth) : null;

const gitRuns = Array.from({ length: 3 }, () => gitWordDiff(codeText, draftText));
const gitMs = gitRuns.every(Boolean) ? median(gitRuns.map((r) => r!.ms)) : null;
const accGit = gitRuns[0] ? accuracy(gitRuns[0].words, truth) : null;

const incBig = incrementalMs(code, 300);
const incSmall = incrementalMs(small, 300);

// The redline DOCX of the whole code, in a child process so that its peak memory is its own.
const redline = JSON.parse(execFileSync(process.execPath, [join(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs'), join(import.meta.dirname, 'redline.ts')], { encoding: 'utf8' }).trim().split('\n').pop()!) as {
  amendments: number;
  plain_docx_ms: number;
  redline_docx_ms: number;
  ratio_redline_over_plain: number;
  redline_docx_mb: number;
  redline_html_ms: number;
  peak_rss_mb: number;
};

const pad = (s: string, n: number) => s.padEnd(n);
log('');
log(`${pad('method', 44)}${pad('time, ms', 12)}${pad('× derive', 10)}accuracy (F1 of changed words)`);
log(`${pad('derive (structured, word-level)', 44)}${pad(deriveMs.toFixed(1), 12)}${pad('1', 10)}${accDerive.toFixed(3)}   ${amendments.length} amendments`);
log(`${pad(`flat diff-match-patch (characters${dmp.timedOut ? ', TIMED OUT at 1 s' : ''})`, 44)}${pad(dmpMs.toFixed(1), 12)}${pad((dmpMs / deriveMs).toFixed(1), 10)}${accDmp.toFixed(3)}`);
log(`${pad('jsdiff diffWords', 44)}${pad(js.value ? js.ms.toFixed(1) : 'gave up', 12)}${pad(js.value ? (js.ms / deriveMs).toFixed(1) : '-', 10)}${accJs?.toFixed(3) ?? '-'}`);
log(`${pad('git diff --no-index --word-diff=porcelain', 44)}${pad(gitMs?.toFixed(1) ?? 'failed', 12)}${pad(gitMs ? (gitMs / deriveMs).toFixed(1) : '-', 10)}${accGit?.toFixed(3) ?? '-'}`);
log('');
log(`incremental derive after a one-word edit: ${incBig.toFixed(3)} ms on the 2 MB code, ${incSmall.toFixed(3)} ms on the 20 KB law (ratio ${(incBig / incSmall).toFixed(2)})`);
log(
  `redline DOCX of the whole code (${redline.amendments} amendments as tracked changes): ${redline.redline_docx_ms} ms (target ≤10 000), ${redline.ratio_redline_over_plain}× the same law as plain DOCX (${redline.plain_docx_ms} ms), ${redline.redline_docx_mb} MB; HTML ${redline.redline_html_ms} ms; peak memory of that process ${redline.peak_rss_mb} MB (target ≤1024)`,
);
const searched = measureSearch((ok, what) => {
  if (!ok) throw new Error(`benchmark check failed: ${what}`);
});
log(
  `search over the library with the code seeded: index built in ${searched.indexBuildMs.toFixed(0)} ms (target ≤2 000; longest step ${searched.indexLongestStepMs.toFixed(0)} ms), ${searched.queries} queries in other word forms p50 ${searched.queryP50Ms.toFixed(1)} ms, p95 ${searched.queryP95Ms.toFixed(1)} ms (target ≤50); a save of one paragraph keeping the index current ${searched.saveWithIndexMs.toFixed(1)} ms`,
);
const parity = measureParity((ok, what) => {
  if (!ok) throw new Error(`benchmark check failed: ${what}`);
});
log(
  `the code in both official languages (${parity.units} units each): a structural save made in the other language too ${parity.structuralSaveMs.toFixed(1)} ms, ${(parity.structuralSaveMs / parity.structuralSaveOneLanguageMs).toFixed(2)}× the same save in one language (${parity.structuralSaveOneLanguageMs.toFixed(1)} ms); a save of words ${parity.wordSaveMs.toFixed(1)} ms, ${(parity.wordSaveMs / parity.wordSaveOneLanguageMs).toFixed(2)}× one language (${parity.wordSaveOneLanguageMs.toFixed(1)} ms); the package's parity (${parity.findings} findings) ${parity.parityMs.toFixed(0)} ms, on a worker thread`,
);
log(
  JSON.stringify({
    parity_structural_save_ms: Number(parity.structuralSaveMs.toFixed(1)),
    parity_structural_save_ratio: Number((parity.structuralSaveMs / parity.structuralSaveOneLanguageMs).toFixed(2)),
    parity_word_save_ratio: Number((parity.wordSaveMs / parity.wordSaveOneLanguageMs).toFixed(2)),
    parity_ms: Number(parity.parityMs.toFixed(1)),
    search_index_build_ms: Number(searched.indexBuildMs.toFixed(1)),
    search_index_longest_step_ms: Number(searched.indexLongestStepMs.toFixed(1)),
    search_query_p50_ms: Number(searched.queryP50Ms.toFixed(2)),
    search_query_p95_ms: Number(searched.queryP95Ms.toFixed(2)),
    search_save_ms: Number(searched.saveWithIndexMs.toFixed(2)),
    size_mb: Number((Buffer.byteLength(codeText) / 1e6).toFixed(2)),
    derive_full_ms: Number(deriveMs.toFixed(2)),
    derive_incremental_ms: Number(incBig.toFixed(4)),
    derive_incremental_20kb_ms: Number(incSmall.toFixed(4)),
    incremental_ratio_2mb_over_20kb: Number((incBig / incSmall).toFixed(2)),
    flat_dmp_ms: Number(dmpMs.toFixed(2)),
    flat_dmp_timed_out: dmp.timedOut,
    ratio_flat_dmp_over_derive: Number((dmpMs / deriveMs).toFixed(2)),
    jsdiff_ms: js.value ? Number(js.ms.toFixed(2)) : null,
    git_word_diff_ms: gitMs === null ? null : Number(gitMs.toFixed(2)),
    accuracy_derive: Number(accDerive.toFixed(4)),
    accuracy_flat_dmp: Number(accDmp.toFixed(4)),
    accuracy_jsdiff: accJs === null ? null : Number(accJs.toFixed(4)),
    accuracy_git: accGit === null ? null : Number(accGit.toFixed(4)),
    redline_docx_ms: redline.redline_docx_ms,
    redline_plain_docx_ms: redline.plain_docx_ms,
    ratio_redline_over_plain_docx: redline.ratio_redline_over_plain,
    redline_html_ms: redline.redline_html_ms,
    redline_peak_rss_mb: redline.peak_rss_mb,
  }),
);
