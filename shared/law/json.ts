import { z } from 'zod';
import { assignEIds } from './eid';
import { PROVISION_KINDS } from './kinds';
import { LANGS } from './language';
import type { LawDoc, Provision } from './provision';
import { validateLaw } from './validate';

/** The JSON shape of a provision (eIds are derived, so they are not trusted from input). */
export const provisionJSONSchema: z.ZodType<ProvisionJSON> = z.lazy(() =>
  z.object({
    uid: z.string().min(1).max(64),
    kind: z.enum(PROVISION_KINDS as [Provision['kind'], ...Provision['kind'][]]),
    num: z.string().max(64),
    heading: z.string(),
    text: z.string(),
    repealed: z.boolean(),
    notes: z.array(z.string()),
    children: z.array(provisionJSONSchema),
  }),
);

/** A provision as JSON: the tree without eIds. */
export interface ProvisionJSON {
  uid: string;
  kind: Provision['kind'];
  num: string;
  heading: string;
  text: string;
  repealed: boolean;
  notes: string[];
  children: ProvisionJSON[];
}

/** A law as JSON. */
export interface LawJSON {
  lang: LawDoc['lang'];
  body: ProvisionJSON[];
}

/** The JSON schema of a whole law. */
export const lawJSONSchema = z.object({
  lang: z.enum(LANGS as [LawDoc['lang'], ...LawDoc['lang'][]]),
  body: z.array(provisionJSONSchema),
});

/** Serialises a law to plain JSON (eIds left out: they are recomputed on reading). */
export function lawToJSON(doc: LawDoc): LawJSON {
  const strip = (p: Provision): ProvisionJSON => ({
    uid: p.uid,
    kind: p.kind,
    num: p.num,
    heading: p.heading,
    text: p.text,
    repealed: p.repealed,
    notes: [...p.notes],
    children: p.children.map(strip),
  });
  return { lang: doc.lang, body: doc.body.map(strip) };
}

/**
 * Reads a law from JSON, checking its shape and its structure (validate.ts).
 * Throws RangeError with the reason when the value is not a law.
 */
export function lawFromJSON(value: unknown): LawDoc {
  const parsed = lawJSONSchema.safeParse(value);
  if (!parsed.success) throw new RangeError(`Invalid law JSON: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  const withEIds = (p: ProvisionJSON): Provision => ({ ...p, eId: '', notes: [...p.notes], children: p.children.map(withEIds) });
  const doc: LawDoc = { lang: parsed.data.lang, body: parsed.data.body.map(withEIds) };
  assignEIds(doc.body);
  try {
    validateLaw(doc);
  } catch (error) {
    throw new RangeError(`Invalid law JSON: ${(error as Error).message}`);
  }
  return doc;
}
