import DiffMatchPatch from 'diff-match-patch';
import type { DiffOp } from './ops';
import { isWordToken, tokenize } from './tokenize';

/** What a word diff may report that is not its result. */
export interface WordDiffOptions {
  /**
   * Called when diff-match-patch hit its time limit. That is a defect to investigate, not an
   * output: the diff is then recomputed without a limit, never shown as "delete all, insert all".
   */
  onDefect?(message: string): void;
  /** The soft time limit in seconds before the defect is reported (default 1). */
  timeoutSeconds?: number;
}

// Code points used to stand for tokens: everything in the Basic Multilingual Plane except the
// surrogate range, so every token is one UTF-16 unit and diff-match-patch never splits one.
const FIRST_CODE = 1;
const SURROGATES_START = 0xd800;
const SURROGATES_END = 0xdfff;
const LAST_CODE = 0xffff;
/** How many distinct tokens can be encoded one-to-one (65,535 minus the surrogates). */
export const MAX_DISTINCT_TOKENS = LAST_CODE - FIRST_CODE + 1 - (SURROGATES_END - SURROGATES_START + 1);

/**
 * Maps tokens to single characters: the line-mode trick of diff-match-patch applied to words.
 * Past MAX_DISTINCT_TOKENS, new tokens share characters; the decoder then checks every "equal"
 * pair and turns a false match into a deletion and an insertion, so the diff stays correct.
 */
class TokenEncoder {
  private readonly codes = new Map<string, number>();
  private next = FIRST_CODE;
  overflowed = false;

  encode(tokens: readonly string[]): string {
    let out = '';
    for (const token of tokens) out += String.fromCharCode(this.codeOf(token));
    return out;
  }

  private codeOf(token: string): number {
    const known = this.codes.get(token);
    if (known !== undefined) return known;
    let code: number;
    if (this.next <= LAST_CODE) {
      code = this.next;
      this.next = this.next + 1 === SURROGATES_START ? SURROGATES_END + 1 : this.next + 1;
    } else {
      this.overflowed = true;
      code = FIRST_CODE + (hash(token) % (SURROGATES_START - FIRST_CODE));
    }
    this.codes.set(token, code);
    return code;
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Appends an op, merging it with the previous one of the same kind. */
function push(out: DiffOp[], op: DiffOp[0], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last[0] === op) last[1] += text;
  else out.push([op, text]);
}

/**
 * The word-level diff of two texts: tokens (tokenize.ts) mapped to characters, diffed by
 * diff-match-patch, cleaned up semantically so that small equalities between changes merge into
 * readable replacements, and mapped back. Boundaries always fall between tokens, so no word is
 * ever shown half changed. Deletions come before insertions within a change.
 */
export function wordDiff(base: string, proposed: string, options: WordDiffOptions = {}): DiffOp[] {
  if (base === proposed) return base ? [[0, base]] : [];
  const a = tokenize(base);
  const b = tokenize(proposed);
  const encoder = new TokenEncoder();
  const ca = encoder.encode(a);
  const cb = encoder.encode(b);
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = options.timeoutSeconds ?? 1;
  const started = Date.now();
  let diffs = dmp.diff_main(ca, cb, false);
  if (dmp.Diff_Timeout > 0 && Date.now() - started >= dmp.Diff_Timeout * 1000) {
    options.onDefect?.(`diff-match-patch timed out after ${dmp.Diff_Timeout}s on ${a.length}/${b.length} tokens; recomputed without a limit`);
    dmp.Diff_Timeout = 0;
    diffs = dmp.diff_main(ca, cb, false);
  }
  dmp.diff_cleanupSemantic(diffs);

  const out: DiffOp[] = [];
  let ia = 0;
  let ib = 0;
  let pendingDelete = '';
  let pendingInsert = '';
  const flush = () => {
    push(out, -1, pendingDelete);
    push(out, 1, pendingInsert);
    pendingDelete = '';
    pendingInsert = '';
  };
  for (const [op, chars] of diffs) {
    for (let k = 0; k < chars.length; k++) {
      if (op === -1) pendingDelete += a[ia++] as string;
      else if (op === 1) pendingInsert += b[ib++] as string;
      else {
        const ta = a[ia++] as string;
        const tb = b[ib++] as string;
        if (encoder.overflowed && ta !== tb) {
          pendingDelete += ta;
          pendingInsert += tb;
        } else {
          flush();
          push(out, 0, ta);
        }
      }
    }
  }
  flush();
  return out;
}

/** How much a diff changes: word tokens deleted or inserted, word tokens before and after, separate edits. */
export interface ChangeStats {
  changedWords: number;
  baseWords: number;
  proposedWords: number;
  edits: number;
}

/** Counts what a diff changes (the restate-or-words decision uses it). */
export function changeStats(ops: readonly DiffOp[]): ChangeStats {
  let changedWords = 0;
  let baseWords = 0;
  let proposedWords = 0;
  let edits = 0;
  let inEdit = false;
  for (const [op, text] of ops) {
    const words = tokenize(text).filter(isWordToken).length;
    if (op !== 1) baseWords += words;
    if (op !== -1) proposedWords += words;
    if (op === 0) {
      // White space alone between two changes does not separate them.
      if (words > 0) inEdit = false;
      continue;
    }
    changedWords += words;
    if (!inEdit) edits += 1;
    inEdit = true;
  }
  return { changedWords, baseWords, proposedWords, edits };
}
