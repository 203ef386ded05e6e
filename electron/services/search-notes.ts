import { structuralLabel } from '../../shared/amend/label';
import { findTerms, queryStems } from '../../shared/search/terms';
import type { ReadContext } from './context';

/** A comment or a justification whose words match a search. */
export interface NoteHit {
  kind: 'comment' | 'justification';
  packageId: string;
  packageTitle: string;
  /** The draft whose amendment it is about (null if the amendment is no longer in any draft). */
  versionId: string | null;
  uid: string;
  label: string;
  /** The title of the law text the amendment is in ('' if it is no longer in any draft). */
  lawTitle: string;
  text: string;
  author: string | null;
  at: string;
  matches: { start: number; end: number }[];
}

/**
 * Search in what people wrote about the amendments: reviewers' comments and the justifications
 * (and their evidence), with word forms found as in the texts (shared/search/terms.ts). These are
 * short and few beside the laws, so they are read and matched here rather than indexed. Newest
 * first, at most `limit`.
 */
export function searchNotes(ctx: ReadContext, query: string, limit = 100): { hits: NoteHit[]; total: number } {
  const stems = queryStems(query);
  if (stems.length === 0 || !stems.some((s) => s.length >= 3)) return { hits: [], total: 0 };
  const { store } = ctx;
  const packages = new Map(store.packages.list().map((p) => [p.id, p]));
  const where = new Map<string, { versionId: string | null; label: string; lawTitle: string }>();
  // Which draft an amendment is in, and its label in that draft's language.
  const place = (packageId: string, uid: string) => {
    const key = `${packageId}\u0000${uid}`;
    const known = where.get(key);
    if (known) return known;
    let found: { versionId: string | null; label: string; lawTitle: string } = { versionId: null, label: '', lawTitle: '' };
    for (const v of store.versions.listByPackage(packageId)) {
      const a = store.amendments.getOne(v.id, uid);
      if (!a) continue;
      const expression = store.works.getExpression(v.expressionId);
      found = { versionId: v.id, label: structuralLabel(a.path, expression?.lang ?? 'ru'), lawTitle: expression?.title ?? '' };
      break;
    }
    where.set(key, found);
    return found;
  };
  const hits: NoteHit[] = [];
  for (const c of store.review.currentComments()) {
    const matches = findTerms(c.text, stems);
    if (matches.length) hits.push({ kind: 'comment', packageId: c.packageId, packageTitle: packages.get(c.packageId)?.title ?? '', ...place(c.packageId, c.uid), uid: c.uid, text: c.text, author: c.author, at: c.createdAt, matches });
  }
  for (const a of store.amendments.allAnnotations()) {
    const text = [a.justification, a.evidence].filter(Boolean).join(' — ');
    const matches = findTerms(text, stems);
    if (matches.length) hits.push({ kind: 'justification', packageId: a.packageId, packageTitle: packages.get(a.packageId)?.title ?? '', ...place(a.packageId, a.uid), uid: a.uid, text, author: null, at: a.updatedAt, matches });
  }
  hits.sort((x, y) => y.at.localeCompare(x.at));
  return { hits: hits.slice(0, limit), total: hits.length };
}
