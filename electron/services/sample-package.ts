import { z } from 'zod';
import { DEFAULT_STUB, diffRows, lawToRows, rowsToLaw, walkProvisions, type Lang, type LawDoc, type Provision, type ProvisionRow } from '../../shared/law';
import type { ServiceContext } from './context';
import { saveDraft } from './drafts';
import { annotateAmendment } from './gaps';
import { createPackage } from './packages';
import { markUnchanged } from './parity';

const annotation = { gaps: z.array(z.string()), justification: z.string().min(1), evidence: z.string().optional() };
/**
 * The change in the Kazakh text of the law (the words replaced, or the new unit's text), so the
 * package amends both official texts alike; or `kkUnchanged`: a change of the Russian text only,
 * the Kazakh unit marked "unchanged in this language".
 */
const inKazakh = {
  kk: z.union([z.object({ replace: z.tuple([z.string().min(1), z.string()]) }).strict(), z.object({ text: z.string().min(1) }).strict(), z.object({ repeal: z.literal(true) }).strict()]).optional(),
  kkUnchanged: z.literal(true).optional(),
};
const change = z.union([
  z.object({ work: z.string(), eId: z.string(), replace: z.tuple([z.string().min(1), z.string()]), ...annotation, ...inKazakh }),
  z.object({ work: z.string(), eId: z.string(), repeal: z.literal(true), ...annotation, ...inKazakh }),
  z.object({ work: z.string(), insertAfter: z.string(), num: z.string(), text: z.string().min(1), ...annotation, ...inKazakh }),
  z.object({ work: z.string(), insertSubAfter: z.string(), num: z.string(), text: z.string().min(1), fixPrevious: z.tuple([z.string(), z.string()]).optional(), ...annotation, ...inKazakh }),
]);
const specSchema = z.object({ title: z.string().min(1), lang: z.enum(['ru', 'kk', 'en']), changes: z.array(change).min(1) });

/** The sample package as resources/sample-package/package.json describes it. */
export type SamplePackageSpec = z.infer<typeof specSchema>;

/** Reads and checks the sample package description (thrown errors name the field). */
export function parseSamplePackage(value: unknown): SamplePackageSpec {
  const parsed = specSchema.safeParse(value);
  if (!parsed.success) throw new Error(`Invalid sample package: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function find(doc: LawDoc, eId: string): Provision {
  let hit: Provision | undefined;
  walkProvisions(doc.body, (u) => {
    if (u.eId === eId) hit = u;
  });
  if (!hit) throw new Error(`Sample package: no unit ${eId}.`);
  return hit;
}

function containerOf(doc: LawDoc, unit: Provision): Provision[] {
  let list: Provision[] = doc.body;
  walkProvisions(doc.body, (u) => {
    if (u.children.includes(unit)) list = u.children;
  });
  return list;
}

/**
 * Creates the sample draft amending law a new user sees on first start: real edits to several of
 * the bundled laws, saved as a drafter's edits are (so its amendments are derived the usual way),
 * each annotated with the gaps it targets and a justification. Every change is checked to apply.
 */
export function seedSamplePackage(ctx: ServiceContext, spec: SamplePackageSpec): string {
  const { store } = ctx;
  const library = store.works.listWorks();
  const expressions = store.works.listExpressions();
  const inForce = store.versions.listInForce();
  const versionOf = (slug: string, lang: Lang): string => {
    const work = library.find((w) => w.slug === slug);
    const expression = expressions.find((e) => e.workId === work?.id && e.lang === lang);
    const version = inForce.find((v) => v.expressionId === expression?.id);
    if (!version) throw new Error(`Sample package: no ${lang} text of ${slug}.`);
    return version.id;
  };
  const works = [...new Set(spec.changes.map((c) => c.work))];
  // The laws amended in Kazakh too: those with a change in their Kazakh text (or one marked unchanged there).
  const bilingual = [...new Set(spec.changes.filter((c) => c.kk || c.kkUnchanged).map((c) => c.work))];
  const pkg = createPackage(ctx, { title: spec.title, baseVersionIds: [...works.map((w) => versionOf(w, spec.lang)), ...bilingual.map((w) => versionOf(w, 'kk'))] });
  const notes: { uid: string; gaps: string[]; justification: string; evidence: string }[] = [];
  // A change's unit has one uid in both languages (a new unit is made in both with the same).
  const uids = new Map<SamplePackageSpec['changes'][number], string>();
  for (const draft of pkg.drafts) {
    const before: ProvisionRow[] = store.provisions.load(draft.versionId);
    const law = rowsToLaw(before, draft.lang);
    for (const c of spec.changes.filter((x) => x.work === draft.workSlug)) {
      if (draft.lang === spec.lang) {
        const uid = applyChange(law, c, uids.get(c) ?? ctx.newId(), notes);
        uids.set(c, uid);
        notes.push({ uid, gaps: c.gaps, justification: c.justification, evidence: c.evidence ?? '' });
      } else if (c.kk) {
        const words = 'replace' in c.kk ? { replace: c.kk.replace } : 'text' in c.kk ? { text: c.kk.text } : {};
        uids.set(c, applyChange(law, { ...c, ...words, fixPrevious: undefined } as typeof c, uids.get(c) ?? ctx.newId(), []));
      }
    }
    const changes = diffRows(before, lawToRows(law));
    if (changes.upserts.length || changes.deletes.length) saveDraft(ctx, { versionId: draft.versionId, revision: 0, ...changes });
  }
  for (const n of notes) annotateAmendment(ctx, { packageId: pkg.id, uid: n.uid, gapCodes: n.gaps, justification: n.justification, evidence: n.evidence });
  // A change of the Russian text only: its Kazakh unit is marked unchanged in Kazakh.
  for (const c of spec.changes.filter((x) => x.kkUnchanged)) {
    const kk = pkg.drafts.find((d) => d.workSlug === c.work && d.lang === 'kk');
    if (kk) markUnchanged(ctx, { versionId: kk.versionId, uid: uids.get(c) as string, unchanged: true });
  }
  return pkg.id;
}

/** Makes one change of the spec in a text (its words in that text's language); the uid of the unit it changed. `uid`: the one a new unit takes. */
function applyChange(law: LawDoc, c: SamplePackageSpec['changes'][number], uid: string, notes: { uid: string; gaps: string[]; justification: string; evidence: string }[]): string {
  if ('replace' in c) {
    const unit = find(law, c.eId);
    if (!unit.text.includes(c.replace[0])) throw new Error(`Sample package: «${c.replace[0]}» is not in ${c.eId} (${law.lang}).`);
    unit.text = unit.text.replace(c.replace[0], c.replace[1]);
    return unit.uid;
  }
  if ('repeal' in c) {
    const unit = find(law, c.eId);
    Object.assign(unit, { text: DEFAULT_STUB[law.lang], repealed: true, children: [] });
    return unit.uid;
  }
  if ('insertAfter' in c) {
    const after = find(law, c.insertAfter);
    const list = containerOf(law, after);
    list.splice(list.indexOf(after) + 1, 0, { uid, eId: '', kind: after.kind, num: c.num, heading: '', text: c.text, repealed: false, notes: [], children: [] });
    return uid;
  }
  const owner = find(law, c.insertSubAfter);
  const last = owner.children[owner.children.length - 1];
  if (last && c.fixPrevious) {
    // The list's last item now ends with ";": that edit belongs to the same change.
    last.text = last.text.replace(c.fixPrevious[0], c.fixPrevious[1]);
    notes.push({ uid: last.uid, gaps: c.gaps, justification: c.justification, evidence: c.evidence ?? '' });
  }
  owner.children.push({ uid, eId: '', kind: 'subparagraph', num: c.num, heading: '', text: c.text, repealed: false, notes: [], children: [] });
  return uid;
}
