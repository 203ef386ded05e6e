import { z } from 'zod';
import { DEFAULT_STUB, diffRows, lawToRows, rowsToLaw, walkProvisions, type LawDoc, type Provision, type ProvisionRow } from '../../shared/law';
import type { ServiceContext } from './context';
import { saveDraft } from './drafts';
import { annotateAmendment } from './gaps';
import { createPackage } from './packages';

const annotation = { gaps: z.array(z.string()), justification: z.string().min(1), evidence: z.string().optional() };
const change = z.union([
  z.object({ work: z.string(), eId: z.string(), replace: z.tuple([z.string().min(1), z.string()]), ...annotation }),
  z.object({ work: z.string(), eId: z.string(), repeal: z.literal(true), ...annotation }),
  z.object({ work: z.string(), insertAfter: z.string(), num: z.string(), text: z.string().min(1), ...annotation }),
  z.object({ work: z.string(), insertSubAfter: z.string(), num: z.string(), text: z.string().min(1), fixPrevious: z.tuple([z.string(), z.string()]).optional(), ...annotation }),
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
  const versionOf = (slug: string): string => {
    const work = library.find((w) => w.slug === slug);
    const expression = expressions.find((e) => e.workId === work?.id && e.lang === spec.lang);
    const version = inForce.find((v) => v.expressionId === expression?.id);
    if (!version) throw new Error(`Sample package: no ${spec.lang} text of ${slug}.`);
    return version.id;
  };
  const works = [...new Set(spec.changes.map((c) => c.work))];
  const pkg = createPackage(ctx, { title: spec.title, baseVersionIds: works.map(versionOf) });
  const notes: { uid: string; gaps: string[]; justification: string; evidence: string }[] = [];
  for (const draft of pkg.drafts) {
    const before: ProvisionRow[] = store.provisions.load(draft.versionId);
    const law = rowsToLaw(before, spec.lang);
    for (const c of spec.changes.filter((x) => x.work === draft.workSlug)) {
      let uid: string;
      if ('replace' in c) {
        const unit = find(law, c.eId);
        if (!unit.text.includes(c.replace[0])) throw new Error(`Sample package: «${c.replace[0]}» is not in ${c.eId}.`);
        unit.text = unit.text.replace(c.replace[0], c.replace[1]);
        uid = unit.uid;
      } else if ('repeal' in c) {
        const unit = find(law, c.eId);
        Object.assign(unit, { text: DEFAULT_STUB[spec.lang], repealed: true, children: [] });
        uid = unit.uid;
      } else if ('insertAfter' in c) {
        const after = find(law, c.insertAfter);
        const list = containerOf(law, after);
        uid = ctx.newId();
        list.splice(list.indexOf(after) + 1, 0, { uid, eId: '', kind: after.kind, num: c.num, heading: '', text: c.text, repealed: false, notes: [], children: [] });
      } else {
        const owner = find(law, c.insertSubAfter);
        const last = owner.children[owner.children.length - 1];
        if (last && c.fixPrevious) {
          // The list's last item now ends with ";": that edit belongs to the same change.
          last.text = last.text.replace(c.fixPrevious[0], c.fixPrevious[1]);
          notes.push({ uid: last.uid, gaps: c.gaps, justification: c.justification, evidence: c.evidence ?? '' });
        }
        uid = ctx.newId();
        owner.children.push({ uid, eId: '', kind: 'subparagraph', num: c.num, heading: '', text: c.text, repealed: false, notes: [], children: [] });
      }
      notes.push({ uid, gaps: c.gaps, justification: c.justification, evidence: c.evidence ?? '' });
    }
    const changes = diffRows(before, lawToRows(law));
    saveDraft(ctx, { versionId: draft.versionId, revision: 0, ...changes });
  }
  for (const n of notes) annotateAmendment(ctx, { packageId: pkg.id, uid: n.uid, gapCodes: n.gaps, justification: n.justification, evidence: n.evidence });
  return pkg.id;
}
