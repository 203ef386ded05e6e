import type { DiffOp } from '../diff/ops';
import type { Lang } from '../law/language';
import { structuralLabel } from './label';
import type { Amendment } from './types';

/** An inline word diff in plain text: `[-deleted-]{+inserted+}`, the notation of `git diff --word-diff`. */
export function inlineDiff(ops: readonly DiffOp[]): string {
  return ops.map(([op, text]) => (op === -1 ? `[-${text}-]` : op === 1 ? `{+${text}+}` : text)).join('');
}

/** The JSON form of an amendment for tools: kind, target (eId and label), texts and word operations. */
export interface AmendmentSummaryJSON {
  kind: Amendment['kind'];
  target: { eId: string; label: string };
  base: string | null;
  proposed: string | null;
  ops: Amendment['ops'];
}

/** The JSON summary of amendments (the output of `zan diff --json`). */
export function amendmentsToJSON(amendments: readonly Amendment[], lang: Lang): AmendmentSummaryJSON[] {
  return amendments.map((a) => ({
    kind: a.kind,
    target: { eId: a.eId, label: structuralLabel(a.path, lang) },
    base: a.base ? unitText(a.base.heading, a.base.text) : null,
    proposed: a.proposed ? unitText(a.proposed.heading, a.proposed.text) : null,
    ops: a.ops,
  }));
}

function unitText(heading: string, text: string): string {
  return heading && text ? `${heading}\n${text}` : heading || text;
}

/** One readable block per amendment (the output of `zan diff`). */
export function amendmentsToText(amendments: readonly Amendment[], lang: Lang): string {
  return amendments
    .map((a, i) => {
      const head = `${i + 1}. ${structuralLabel(a.path, lang)} — ${a.kind}`;
      const lines: string[] = [head];
      if (a.base && a.proposed && a.base.num !== a.proposed.num) lines.push(`   number: ${a.base.num} → ${a.proposed.num}`);
      if (a.headingOps.some(([op]) => op !== 0)) lines.push(`   heading: ${inlineDiff(a.headingOps)}`);
      if (a.ops.some(([op]) => op !== 0)) lines.push(...inlineDiff(a.ops).split('\n').map((l) => `   ${l}`));
      if (a.insertedChildren?.length) lines.push(`   (with ${a.insertedChildren.length} new unit(s) inside)`);
      return lines.join('\n');
    })
    .join('\n\n');
}
