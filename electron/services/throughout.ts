import type { Replacement } from '../../shared/instructions';
import { replaceWholeWords } from '../../shared/instructions/throughout';
import type { Lang, ProvisionRow } from '../../shared/law';
import { termMatches, termPattern } from '../../shared/search/term-forms';
import { StoreError } from '../store/errors';
import { audit } from './audit/log';
import type { ServiceContext, ReadContext } from './context';
import { requireIdentity } from './identity';
import { reverseOperation, saveReversibly } from './reversible';

/**
 * A term replaced "throughout the text" of every act of a package that has it — the everyday task
 * of bringing several laws in line with a new term. The drafter names the term, is shown each form
 * it takes in each act (throughoutForms), confirms each form with its replacing words; the worker
 * works out each draft's changed rows (planThroughout) and the main process saves them all at once
 * (applyThroughout), recording each act's share so that its amending law states it as one
 * "по всему тексту … заменить соответственно …" statement. undoThroughout puts the words back.
 */

/** A form of the term and how often it stands in the package's texts. */
export interface TermForm {
  form: string;
  count: number;
  /** In how many acts. */
  acts: number;
}

/** What a term's forms are across a package's drafts in one language. */
export interface ThroughoutForms {
  acts: { versionId: string; title: string; count: number }[];
  forms: TermForm[];
}

/** One draft's share of a replacement throughout, worked out on a worker from the draft at `revision`. */
export interface ThroughoutDraftPlan {
  versionId: string;
  title: string;
  revision: number;
  /** The rows the replacement changes, as it leaves them. */
  rows: ProvisionRow[];
  count: number;
}

/** What a replacement throughout did: its id (to undo it) and each act it changed. */
export interface ThroughoutResult {
  operationId: string;
  acts: { versionId: string; title: string; units: number; count: number }[];
}

const MAX_FORMS = 200;

function draftsIn(ctx: ReadContext, packageId: string, lang: Lang) {
  if (!ctx.store.packages.get(packageId)) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  return ctx.store.versions
    .listByPackage(packageId)
    .map((v) => ({ v, e: ctx.store.works.getExpression(v.expressionId) }))
    .filter(({ v, e }) => v.status === 'draft' && e?.lang === lang)
    .map(({ v, e }) => ({ v, title: e?.title ?? '' }));
}

/** Every form a term takes in the package's drafts in one language (headings and texts), most frequent first. */
export function throughoutForms(ctx: ReadContext, packageId: string, lang: Lang, term: string): ThroughoutForms {
  const pattern = termPattern(term);
  if (pattern.stems.length === 0 || !pattern.stems.some((s) => s.length >= 3)) throw new StoreError('INVALID_INPUT', 'Give the words to replace.', 'throughout.noWords');
  const forms = new Map<string, { count: number; acts: Set<string> }>();
  const acts: ThroughoutForms['acts'] = [];
  for (const { v, title } of draftsIn(ctx, packageId, lang)) {
    let count = 0;
    for (const row of ctx.store.provisions.load(v.id)) {
      for (const text of [row.heading, row.text]) {
        for (const m of termMatches(text, pattern)) {
          const entry = forms.get(m.form) ?? { count: 0, acts: new Set<string>() };
          entry.count += 1;
          entry.acts.add(v.id);
          forms.set(m.form, entry);
          count += 1;
        }
      }
    }
    acts.push({ versionId: v.id, title, count });
  }
  const list = [...forms].map(([form, f]) => ({ form, count: f.count, acts: f.acts.size })).sort((a, b) => b.count - a.count || a.form.localeCompare(b.form));
  return { acts, forms: list.slice(0, MAX_FORMS) };
}

/** Each draft's rows as the replacements leave them (as whole words, all at once), for applyThroughout. */
export function planThroughout(ctx: ReadContext, packageId: string, lang: Lang, replacements: readonly Replacement[]): ThroughoutDraftPlan[] {
  checkReplacements(replacements);
  const plans: ThroughoutDraftPlan[] = [];
  for (const { v, title } of draftsIn(ctx, packageId, lang)) {
    const rows: ProvisionRow[] = [];
    let count = 0;
    for (const row of ctx.store.provisions.load(v.id)) {
      const heading = replaceWholeWords(row.heading, replacements);
      const text = replaceWholeWords(row.text, replacements);
      const n = [...heading.counts, ...text.counts].reduce((a, b) => a + b, 0);
      if (n === 0) continue;
      count += n;
      rows.push({ ...row, heading: heading.text, text: text.text });
    }
    if (rows.length) plans.push({ versionId: v.id, title, revision: v.revision, rows, count });
  }
  return plans;
}

function checkReplacements(replacements: readonly Replacement[]): void {
  if (replacements.length === 0) throw new StoreError('INVALID_INPUT', 'Confirm at least one form to replace.', 'throughout.noneConfirmed');
  const froms = new Set<string>();
  for (const r of replacements) {
    if (!r.from.trim() || r.from !== r.from.trim() || r.to !== r.to.trim()) throw new StoreError('INVALID_INPUT', 'A form and its replacement have no spaces at their ends, and a form is not empty.', 'throughout.badForm');
    if (froms.has(r.from)) throw new StoreError('INVALID_INPUT', `The form «${r.from}» is replaced twice.`, 'throughout.twice', { form: r.from });
    froms.add(r.from);
  }
}

/**
 * Saves every draft's share of a replacement throughout in one transaction (each as a save of its
 * rows, refused with CONFLICT if the draft moved on since the plan was made: nothing is saved then),
 * records each act's share for its amending law and for undo, and logs it.
 */
export function applyThroughout(ctx: ServiceContext, packageId: string, replacements: readonly Replacement[], plans: readonly ThroughoutDraftPlan[]): ThroughoutResult {
  const who = requireIdentity(ctx);
  checkReplacements(replacements);
  if (plans.length === 0) throw new StoreError('NOT_FOUND', 'None of the forms stands in the texts of this package.', 'throughout.noneFound');
  const operationId = ctx.newId();
  return ctx.store.transaction(() => {
    const acts: ThroughoutResult['acts'] = [];
    for (const plan of plans) {
      const version = ctx.store.versions.get(plan.versionId);
      if (version?.packageId !== packageId) throw new StoreError('INVALID_INPUT', `Version ${plan.versionId} is not a draft of this package.`, 'reversible.otherPackage');
      const before = ctx.store.provisions.rows(plan.versionId, plan.rows.map((r) => r.uid));
      // Saved at the plan's revision: a draft edited since is refused (CONFLICT), and nothing is saved.
      const info = { operationId, kind: 'throughout' as const, packageId, versionId: plan.versionId, uid: null, detail: JSON.stringify({ replacements }), createdBy: who.name };
      saveReversibly(ctx, info, { revision: plan.revision, upserts: plan.rows, deletes: [] }, before);
      acts.push({ versionId: plan.versionId, title: plan.title, units: plan.rows.length, count: plan.count });
    }
    audit(ctx, packageId, null, 'replace-throughout', { operationId, replacements, acts: acts.map((a) => ({ versionId: a.versionId, units: a.units, count: a.count })) });
    return { operationId, acts };
  });
}

/** A replacement throughout made in a package and not undone, as the dialog lists it. */
export interface ThroughoutMade {
  operationId: string;
  replacements: Replacement[];
  acts: number;
  createdBy: string;
  createdAt: string;
}

/** The replacements throughout made in a package and not undone, newest first (each can be undone later). */
export function listThroughout(ctx: ReadContext, packageId: string): ThroughoutMade[] {
  const made = new Map<string, ThroughoutMade>();
  for (const c of ctx.store.reversible.ofPackage(packageId, 'throughout')) {
    const known = made.get(c.operationId);
    if (known) known.acts += 1;
    else made.set(c.operationId, { operationId: c.operationId, replacements: (JSON.parse(c.detail) as { replacements: Replacement[] }).replacements, acts: 1, createdBy: c.createdBy, createdAt: c.createdAt });
  }
  return [...made.values()];
}

/** The replacement groups made throughout a draft, oldest first: what its amending law states "по всему тексту". */
export function throughoutGroups(ctx: ReadContext, versionId: string): Replacement[][] {
  return ctx.store.reversible.ofVersion(versionId, 'throughout').map((c) => (JSON.parse(c.detail) as { replacements: Replacement[] }).replacements);
}

/**
 * Puts back the words a replacement throughout changed, in every act, in one transaction. A unit
 * edited since is not overwritten: the undo is refused with CONFLICT naming it, and nothing changes.
 */
export function undoThroughout(ctx: ServiceContext, packageId: string, operationId: string): { acts: number; units: number } {
  requireIdentity(ctx);
  return ctx.store.transaction(() => {
    const { changes, rows } = reverseOperation(ctx, packageId, operationId);
    if (changes.some((c) => c.kind !== 'throughout')) throw new StoreError('INVALID_INPUT', 'This is not a replacement throughout.', 'reversible.wrongKind');
    audit(ctx, packageId, null, 'undo-replace-throughout', { operationId, units: rows });
    return { acts: changes.length, units: rows };
  });
}
