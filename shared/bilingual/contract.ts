import { z } from 'zod';

/**
 * The parity of a package as the contract carries it (shared/ipc.ts): findings law by law, each a
 * ParityFinding (findings.ts) with the drafts it is about, so the editor can flag the units.
 */

const langTexts = { ru: z.string().optional(), kk: z.string().optional(), en: z.string().optional() };

/** One finding (see ParityFinding). */
export const parityFindingSchema = z.object({
  kind: z.enum(['one-language', 'structure', 'number', 'reference', 'statement']),
  code: z.enum(['only-in', 'differs', 'translate', 'facts', 'changed', 'statement-count', 'statement', 'text-missing']),
  eId: z.string(),
  message: z.string(),
  ...langTexts,
  units: z.object(langTexts).optional(),
});

const markedUnit = z.object({ uid: z.string(), eId: z.string() });

/** One law of a package: its drafts by language and what differs between them. */
export const lawParitySchema = z.object({
  workSlug: z.string(),
  title: z.string(),
  drafts: z.object(langTexts),
  findings: z.array(parityFindingSchema),
  /** Units marked "unchanged in this language" whose mark still holds, by language (uids). */
  marked: z.object({ ru: z.array(markedUnit), kk: z.array(markedUnit) }),
});

/** Every law of a package that has official texts to keep in step, and how many findings there are. */
export const packageParitySchema = z.object({ laws: z.array(lawParitySchema), count: z.number().int() });

/** One law's parity. */
export type LawParity = z.infer<typeof lawParitySchema>;
/** A package's parity. */
export type PackageParity = z.infer<typeof packageParitySchema>;
