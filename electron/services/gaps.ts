import { record, recordExport, NO_PACKAGE } from './audit/log';
import { notesFingerprint } from './audit/state';
import { writeFileSync } from 'node:fs';
import { structuralLabel } from '../../shared/amend';
import { parseTaxonomy, taxonomyToJSON, type GapDefinition } from '../../shared/gaps/taxonomy';
import { StoreError } from '../store/errors';
import { packageParity } from './parity';
import type { GapRecord } from '../store/repositories/gaps';
import { amendmentsOf } from './amendments';
import { whenWritable, type ServiceContext, type ReadContext } from './context';

/** Seeds the taxonomy into an empty database (never over a user's edits). Returns how many gaps were added. */
export function seedTaxonomy(ctx: ServiceContext, gaps: readonly GapDefinition[]): number {
  if (ctx.store.gaps.list().length > 0) return 0;
  ctx.store.transaction(() => gaps.forEach((g, i) => ctx.store.gaps.save(g, i)));
  return gaps.length;
}

/** Every gap, retired ones included (the UI offers only active ones for new annotations). */
export function listGaps(ctx: ReadContext): GapRecord[] {
  return ctx.store.gaps.list();
}

/** Adds a gap or renames / redescribes one. */
export function saveGap(ctx: ServiceContext, gap: GapDefinition): GapRecord[] {
  const existing = ctx.store.gaps.list();
  const at = existing.find((g) => g.code === gap.code);
  const saved = { ...gap, retired: gap.retired ?? at?.retired ?? false };
  ctx.store.transaction(() => {
    ctx.store.gaps.save(saved, at?.ord ?? existing.length);
    record(ctx, NO_PACKAGE, null, at ? 'edit-gap' : 'add-gap', { gap: saved });
  });
  return ctx.store.gaps.list();
}

/** Retires a gap (it stays on the annotations that have it) or brings it back. */
export function retireGap(ctx: ServiceContext, code: string, retired: boolean): GapRecord[] {
  ctx.store.transaction(() => {
    if (!ctx.store.gaps.setRetired(code, retired)) throw new StoreError('NOT_FOUND', `No gap ${code}.`, 'gap.notFound', { code });
    record(ctx, NO_PACKAGE, null, retired ? 'retire-gap' : 'restore-gap', { code });
  });
  return ctx.store.gaps.list();
}

/** Imports a taxonomy (JSON): new gaps are added, known codes get the file's texts; nothing is deleted. */
export function importTaxonomy(ctx: ServiceContext, json: string): GapRecord[] {
  let gaps: GapDefinition[];
  try {
    gaps = parseTaxonomy(json);
  } catch (error) {
    throw new StoreError('INVALID_INPUT', (error as Error).message, 'taxonomy.invalid', { detail: (error as Error).message });
  }
  ctx.store.transaction(() => gaps.forEach((g) => saveGap(ctx, g)));
  return ctx.store.gaps.list();
}

/** The taxonomy as JSON, retired gaps included (marked). */
export function exportTaxonomy(ctx: ReadContext): string {
  return taxonomyToJSON(ctx.store.gaps.list().map(({ ord: _ord, ...g }) => g));
}

/** Writes the taxonomy to a file the user chooses (nothing when the dialog is cancelled); the path written. */
export async function exportTaxonomyFile(ctx: ServiceContext, chooseSavePath: (name: string, format: 'json') => Promise<string | null>): Promise<{ path: string | null }> {
  const path = await chooseSavePath('gap-taxonomy.json', 'json');
  if (path) {
    const content = exportTaxonomy(ctx);
    writeFileSync(path, content);
    await whenWritable(ctx, () => recordExport(ctx, NO_PACKAGE, { document: 'taxonomy', format: 'json' }, path, content));
  }
  return { path };
}

/** What is attached to one amendment of a package. */
export interface AnnotationInput {
  packageId: string;
  uid: string;
  gapCodes: string[];
  justification: string;
  evidence: string;
}

/** The uids of the amendments a package has now (across its working drafts). */
function amendmentUids(ctx: ReadContext, packageId: string): Set<string> {
  const uids = new Set<string>();
  for (const v of ctx.store.versions.listByPackage(packageId)) for (const a of amendmentsOf(ctx, v.id)) uids.add(a.uid);
  return uids;
}

/**
 * Annotates an amendment: the gaps it targets, why, and on what evidence. Keyed by (package, uid),
 * so it survives re-derivation, renumbering and moves. A retired gap can stay on an annotation
 * that already had it but is not accepted as a new one.
 */
export function annotateAmendment(ctx: ServiceContext, input: AnnotationInput): void {
  const { store } = ctx;
  if (!store.packages.get(input.packageId)) throw new StoreError('NOT_FOUND', `No package ${input.packageId}.`, 'package.notFound', { packageId: input.packageId });
  if (!amendmentUids(ctx, input.packageId).has(input.uid)) throw new StoreError('NOT_FOUND', 'This provision has no amendment in the package.', 'amendment.notFound', { uid: input.uid });
  const gaps = new Map(store.gaps.list().map((g) => [g.code, g]));
  const had = new Set(store.gaps.gapsOf(input.packageId).get(input.uid) ?? []);
  for (const code of input.gapCodes) {
    const gap = gaps.get(code);
    if (!gap) throw new StoreError('INVALID_INPUT', `No gap ${code} in the taxonomy.`, 'gap.unknown', { code });
    if (gap.retired && !had.has(code)) throw new StoreError('INVALID_INPUT', `The gap ${code} is retired and cannot be added.`, 'gap.retired', { code });
  }
  const status = store.amendments.annotations(input.packageId).get(input.uid)?.status ?? 'proposed';
  store.transaction(() => {
    store.amendments.annotate({ packageId: input.packageId, uid: input.uid, justification: input.justification.trim(), evidence: input.evidence.trim(), status, updatedAt: ctx.now() });
    store.gaps.setGapsOf(input.packageId, input.uid, [...new Set(input.gapCodes)]);
    record(ctx, input.packageId, input.uid, 'annotate', { gaps: [...new Set(input.gapCodes)], notes: notesFingerprint(input.justification.trim(), input.evidence.trim()), status });
  });
}

/** One amendment of a package with what is attached to it. */
export interface AnnotatedAmendment {
  uid: string;
  versionId: string;
  lang: string;
  label: string;
  kind: string;
  gapCodes: string[];
  justification: string;
  evidence: string;
  /** The review decision so far. */
  status: 'proposed' | 'accepted' | 'rejected';
  /** Who last changed it and when (null for amendments from before changes were signed). */
  author: string | null;
  changedAt: string | null;
}

/** How well a package's amendments cover the gaps, and what still needs attention. */
export interface Coverage {
  amendments: AnnotatedAmendment[];
  /** Amendments per active gap, in taxonomy order (zero for an uncovered gap). */
  perGap: { code: string; count: number }[];
  /** Amendments per law text and gap. */
  matrix: { versionId: string; title: string; lang: string; counts: Record<string, number> }[];
  uncoveredGaps: string[];
  /** Amendments with no gap, or no justification. */
  missing: { uid: string; label: string; noGap: boolean; noJustification: boolean }[];
}

/** The coverage of a package: per gap, per law, and the lists that need attention. */
export function packageCoverage(ctx: ReadContext, packageId: string): Coverage {
  const { store } = ctx;
  if (!store.packages.get(packageId)) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  const gapsOf = store.gaps.gapsOf(packageId);
  const notes = store.amendments.annotations(packageId);
  const active = store.gaps.list().filter((g) => !g.retired);
  const amendments: AnnotatedAmendment[] = [];
  const matrix: Coverage['matrix'] = [];
  for (const v of store.versions.listByPackage(packageId)) {
    const e = store.works.getExpression(v.expressionId);
    const lang = e?.lang ?? 'ru';
    const counts: Record<string, number> = {};
    const signed = store.amendments.revisions(v.id);
    for (const a of amendmentsOf(ctx, v.id)) {
      const codes = gapsOf.get(a.uid) ?? [];
      for (const c of codes) counts[c] = (counts[c] ?? 0) + 1;
      const note = notes.get(a.uid);
      amendments.push({ uid: a.uid, versionId: v.id, lang, label: structuralLabel(a.path, lang), kind: a.kind, gapCodes: codes, justification: note?.justification ?? '', evidence: note?.evidence ?? '', status: note?.status ?? 'proposed', author: signed.get(a.uid)?.author ?? null, changedAt: signed.get(a.uid)?.changedAt ?? null });
    }
    matrix.push({ versionId: v.id, title: e?.title ?? '', lang, counts });
  }
  const perGap = active.map((g) => ({ code: g.code, count: amendments.filter((a) => a.gapCodes.includes(g.code)).length }));
  return {
    amendments,
    perGap,
    matrix,
    uncoveredGaps: perGap.filter((g) => g.count === 0).map((g) => g.code),
    missing: amendments
      .filter((a) => a.gapCodes.length === 0 || !a.justification)
      .map((a) => ({ uid: a.uid, label: a.label, noGap: a.gapCodes.length === 0, noJustification: !a.justification })),
  };
}

/**
 * Moves a package to another status. It is "ready for review" only when its Kazakh and Russian
 * texts are in step (parity.ts) and every amendment has a gap and a justification: otherwise
 * NOT_READY names what is open.
 */
export function setPackageStatus(ctx: ServiceContext, packageId: string, status: 'draft' | 'review'): void {
  if (status === 'review') refuseUnlessReady(ctx, packageId);
  ctx.store.transaction(() => {
    ctx.store.packages.setStatus(packageId, status, ctx.now());
    record(ctx, packageId, null, 'status', { status });
  });
}

/**
 * NOT_READY naming everything that keeps a package from review, at once: the units (or laws) where
 * the Kazakh and Russian texts are not yet in step, and the amendments with no gap or justification.
 */
function refuseUnlessReady(ctx: ReadContext, packageId: string): void {
  const coverage = packageCoverage(ctx, packageId);
  if (coverage.amendments.length === 0) throw new StoreError('NOT_READY', 'The package has no amendments yet.', 'readiness.noAmendments');
  const parity = packageParity(ctx, packageId);
  const notes = coverage.missing.map((m) => `${m.label} (${[m.noGap ? 'no gap' : '', m.noJustification ? 'no justification' : ''].filter(Boolean).join(', ')})`);
  const provisions = coverage.missing.map((m) => m.label);
  if (parity.count === 0) {
    if (notes.length > 0) throw new StoreError('NOT_READY', `Not ready for review: ${notes.join('; ')}.`, 'readiness.notReady', { count: notes.length, provisions });
    return;
  }
  const findings = parity.laws.flatMap((law) => law.findings.map((f) => ({ law: law.title, ...f })));
  // The interface names the units in its own language from their eIds; a finding about a whole law (its statements, a text missing) by the law.
  const eIds = [...new Set(findings.filter((f) => f.eId).map((f) => f.eId))];
  const laws = [...new Set(findings.filter((f) => !f.eId).map((f) => f.law))];
  const inStep = `the Kazakh and Russian texts are not in step: ${findings.map((f) => f.message).join(' ')}`;
  if (notes.length === 0) throw new StoreError('NOT_READY', `Not ready for review: ${inStep}`, 'readiness.parity', { count: parity.count, eIds, laws });
  throw new StoreError('NOT_READY', `Not ready for review: ${inStep} Amendments without a gap or justification: ${notes.join('; ')}.`, 'readiness.parityAndNotes', { count: parity.count, eIds, laws, provisions });
}
