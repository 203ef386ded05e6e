import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DiffMatchPatch from 'diff-match-patch';
import { diffWords } from 'diff';
import type { Amendment } from '../../shared/amend';
import { tokenize, isWordToken } from '../../shared/diff/tokenize';
import { countWords, type WordCounts } from './synthetic';

/** The words an amendment list says were deleted and inserted (numbers too, where a unit was renumbered). */
export function wordsOfAmendments(list: readonly Amendment[]): WordCounts {
  const out: WordCounts = new Map();
  const addTree = (sign: '-' | '+', children: { heading: string; text: string; children: unknown[] }[] = []) => {
    for (const c of children) {
      countWords(out, sign, `${c.heading} ${c.text}`);
      addTree(sign, c.children as typeof children);
    }
  };
  for (const a of list) {
    for (const [op, text] of [...a.ops, ...a.headingOps]) if (op !== 0) countWords(out, op === -1 ? '-' : '+', text);
    if (a.kind === 'insert') addTree('+', a.insertedChildren);
    for (const unit of a.dropped) countWords(out, '-', `${unit.heading} ${unit.text}`);
    if (a.base && a.proposed && a.base.num !== a.proposed.num) {
      countWords(out, '-', a.base.num);
      countWords(out, '+', a.proposed.num);
    }
  }
  return out;
}

/**
 * Flat diff-match-patch over the whole printed texts (characters, default 1 s time limit, semantic
 * cleanup): the words touched by a deletion or an insertion count as changed.
 */
export function flatDmp(base: string, draft: string): { words: WordCounts; timedOut: boolean } {
  const dmp = new DiffMatchPatch();
  const started = Date.now();
  const diffs = dmp.diff_main(base, draft);
  const timedOut = Date.now() - started >= dmp.Diff_Timeout * 1000;
  dmp.diff_cleanupSemantic(diffs);
  const deleted: [number, number][] = [];
  const inserted: [number, number][] = [];
  let ia = 0;
  let ib = 0;
  for (const [op, text] of diffs) {
    if (op === -1) deleted.push([ia, (ia += text.length)]);
    else if (op === 1) inserted.push([ib, (ib += text.length)]);
    else {
      ia += text.length;
      ib += text.length;
    }
  }
  const words: WordCounts = new Map();
  touchedWords(base, deleted, '-', words);
  touchedWords(draft, inserted, '+', words);
  return { words, timedOut };
}

/** Adds every word of `text` that overlaps one of the (sorted) ranges. */
function touchedWords(text: string, ranges: [number, number][], sign: '-' | '+', into: WordCounts): void {
  let pos = 0;
  let r = 0;
  for (const token of tokenize(text)) {
    const start = pos;
    pos += token.length;
    while (r < ranges.length && (ranges[r] as [number, number])[1] <= start) r++;
    const range = ranges[r];
    if (range && range[0] < pos && isWordToken(token)) countWords(into, sign, token);
  }
}

/** jsdiff's diffWords over the whole texts (with a time limit; undefined when it gave up). */
export function jsdiffWords(base: string, draft: string, timeoutMs: number): WordCounts | undefined {
  const parts = diffWords(base, draft, { timeout: timeoutMs });
  if (!parts) return undefined;
  const words: WordCounts = new Map();
  for (const part of parts) {
    if (part.added) countWords(words, '+', part.value);
    else if (part.removed) countWords(words, '-', part.value);
  }
  return words;
}

/** `git diff --no-index --word-diff=porcelain` on two files; its -/+ lines are the changed words. */
export function gitWordDiff(base: string, draft: string): { words: WordCounts; ms: number } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'zan-bench-'));
  try {
    writeFileSync(join(dir, 'base.txt'), base);
    writeFileSync(join(dir, 'draft.txt'), draft);
    const started = performance.now();
    const run = spawnSync('git', ['diff', '--no-index', '--no-color', '--word-diff=porcelain', 'base.txt', 'draft.txt'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - started;
    if (run.error || (run.status !== 0 && run.status !== 1)) return undefined;
    const words: WordCounts = new Map();
    for (const line of run.stdout.split('\n')) {
      if (line.startsWith('---') || line.startsWith('+++')) continue;
      if (line.startsWith('-')) countWords(words, '-', line.slice(1));
      else if (line.startsWith('+')) countWords(words, '+', line.slice(1));
    }
    return { words, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
