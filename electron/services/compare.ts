import { derive } from '../../shared/amend';
import { indexTree, pathOf } from '../../shared/amend/tree-index';
import { parseLaw, rowsToLaw, type Lang, type LawDoc } from '../../shared/law';
import { comparativeTable, unchangedRow, type ComparativeRow } from '../../shared/table/comparative';
import { StoreError } from '../store/errors';
import type { ReadContext } from './context';
import { noProgress, type Progress } from './progress';

/** One side of a comparison: a stored version (in force or a draft, of any package), a snapshot of a draft, or a text. */
export type CompareSource = { type: 'version'; versionId: string } | { type: 'snapshot'; snapshotId: string; versionId: string } | { type: 'text'; text: string; lang: Lang };

function load(ctx: ReadContext, source: CompareSource): LawDoc {
  if (source.type === 'text') return parseLaw(source.text, { lang: source.lang });
  const version = ctx.store.versions.get(source.versionId);
  if (!version) throw new StoreError('NOT_FOUND', `No version ${source.versionId}.`, 'version.notFound', { versionId: source.versionId });
  const lang = ctx.store.works.getExpression(version.expressionId)?.lang ?? 'ru';
  if (source.type === 'version') return rowsToLaw(ctx.store.provisions.load(version.id), lang);
  const rows = ctx.store.provisions.loadSnapshot(source.snapshotId, version.id);
  if (rows.length === 0) throw new StoreError('NOT_FOUND', 'That snapshot does not hold this draft.', 'snapshot.notInDraft');
  return rowsToLaw(rows, lang);
}

/** A comparison: one row per changed provision, in the law's order, with the words changed on each side. */
export interface Comparison {
  lang: Lang;
  /** Kind '' (and an empty inline diff): a unit unchanged, shown as context beside a change. */
  rows: (ComparativeRow & { kind: string; eId: string; inline: [number, string][] })[];
}

/**
 * Compares any two versions of one law: the amendments between them (derive aligns by lineage,
 * then address, then text, so texts imported separately compare too), as rows with each side's
 * wording and its changed words.
 */
export function compare(ctx: ReadContext, left: CompareSource, right: CompareSource, progress: Progress = noProgress, options: { context?: boolean } = {}): Comparison {
  // The steps, roughly by their cost on a code: each side read, then the alignment and the diffs.
  progress(0, 5);
  const a = load(ctx, left);
  progress(1, 5);
  const b = load(ctx, right);
  progress(2, 5);
  if (a.lang !== b.lang) throw new StoreError('INVALID_INPUT', 'Texts in different languages are not compared word by word.', 'compare.differentLanguages', { left: a.lang, right: b.lang });
  const amendments = derive(a, b);
  progress(4, 5);
  // The inline view shows the heading's and the text's word changes in one run.
  const rows = comparativeTable(amendments, a.lang).map((r, i) => {
    const am = amendments[i];
    const inline = am ? [...am.headingOps, ...(am.headingOps.length && am.ops.length ? ([[0, '\n']] as [number, string][]) : []), ...am.ops] : [];
    return { ...r, kind: am?.kind ?? '', eId: am?.eId ?? '', inline };
  });
  progress(5, 5);
  return { lang: a.lang, rows: options.context ? withContext(b, rows) : rows };
}

type Row = Comparison['rows'][number];

/**
 * The rows with, around each changed unit, the unchanged unit before and after it among its
 * siblings (on the right-hand side), as a diff shows context lines: a reader sees what a change
 * stands between. Each unchanged unit once, in the law's order.
 */
function withContext(right: LawDoc, rows: readonly Row[]): Row[] {
  const index = indexTree(right);
  const changed = new Map(rows.map((r) => [r.uid, r]));
  const order = (uid: string) => index.get(uid)?.order ?? Number.MAX_SAFE_INTEGER;
  const context = new Map<string, Row>();
  for (const uid of changed.keys()) {
    const entry = index.get(uid);
    if (!entry) continue;
    const siblings = entry.parentUid === null ? right.body : (index.get(entry.parentUid)?.unit.children ?? []);
    for (const near of [siblings[entry.index - 1], siblings[entry.index + 1]]) {
      if (!near || changed.has(near.uid) || context.has(near.uid)) continue;
      const row = unchangedRow(right.lang, near, pathOf(index, near.uid));
      context.set(near.uid, { ...row, no: 0, justification: '', kind: '', eId: near.eId, inline: [[0, near.heading || near.text]] });
    }
  }
  // Changed rows keep their order (a removed unit has no place on the right: it stays where it was).
  const merged = [...rows];
  for (const row of [...context.values()].sort((x, y) => order(x.uid) - order(y.uid))) {
    const at = merged.findIndex((r) => order(r.uid) > order(row.uid) && index.has(r.uid));
    merged.splice(at < 0 ? merged.length : at, 0, row);
  }
  return merged;
}
