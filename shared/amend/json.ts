import { z } from 'zod';
import { provisionJSONSchema } from '../law/json';
import { PROVISION_KINDS, type ProvisionKind } from '../law/kinds';
import type { Amendment } from './types';

const kind = z.enum(PROVISION_KINDS as unknown as [ProvisionKind, ...ProvisionKind[]]);
const unitState = z.object({ uid: z.string().min(1), kind, num: z.string(), heading: z.string(), text: z.string(), repealed: z.boolean(), notes: z.array(z.string()) }).strict();
const diffOps = z.array(z.tuple([z.union([z.literal(-1), z.literal(0), z.literal(1)]), z.string()]));

/** The JSON shape of an amendment, as the store keeps it and outputs read it. */
export const amendmentSchema = z
  .object({
    uid: z.string().min(1),
    baseUid: z.string().min(1).optional(),
    kind: z.enum(['words', 'restate', 'insert', 'repeal', 'renumber', 'move']),
    eId: z.string(),
    path: z.array(z.object({ kind, num: z.string() }).strict()),
    base: unitState.nullable(),
    proposed: unitState.nullable(),
    ops: diffOps,
    headingOps: diffOps,
    placement: z.object({ parentUid: z.string().nullable(), afterUid: z.string().nullable() }).strict().optional(),
    insertedChildren: z.array(provisionJSONSchema).optional(),
    dropped: z.array(unitState),
  })
  .strict();

/** An amendment that cannot be read (a stored row broken or written by something else). */
export class AmendmentFormatError extends Error {
  override readonly name = 'AmendmentFormatError';
}

/**
 * Reads an amendment from JSON, checking its shape and that it holds together: an insert has no
 * base and a proposal, a removal no proposal, each other kind both. Throws AmendmentFormatError
 * naming what is wrong.
 */
export function amendmentFromJSON(value: unknown): Amendment {
  const parsed = amendmentSchema.safeParse(value);
  if (!parsed.success) throw new AmendmentFormatError(`Not an amendment: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}.`);
  const a = parsed.data;
  if (a.kind === 'insert' ? a.base !== null || a.proposed === null : a.base === null || (a.proposed === null && a.kind !== 'repeal')) {
    throw new AmendmentFormatError(`Amendment ${a.uid} (${a.kind}) has ${a.base ? 'a' : 'no'} base and ${a.proposed ? 'a' : 'no'} proposal.`);
  }
  const out: Amendment = { uid: a.uid, kind: a.kind, eId: a.eId, path: a.path, base: a.base, proposed: a.proposed, ops: a.ops, headingOps: a.headingOps, dropped: a.dropped };
  if (a.baseUid !== undefined) out.baseUid = a.baseUid;
  if (a.placement !== undefined) out.placement = a.placement;
  if (a.insertedChildren !== undefined) out.insertedChildren = a.insertedChildren;
  return out;
}
