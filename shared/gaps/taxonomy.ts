import { z } from 'zod';

const texts = z.object({ ru: z.string().min(1), kk: z.string().min(1), en: z.string().min(1) });

/** One gap of the taxonomy as a file holds it (DOMAIN.md, "Collaboration gaps"). */
export const gapDefinitionSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'a code is CAPITALS_AND_DIGITS'),
  names: texts,
  descriptions: texts,
  instrument: texts,
  retired: z.boolean().optional(),
});

/** A gap definition: a stable code, and its name, description and usual instrument in three languages. */
export type GapDefinition = z.infer<typeof gapDefinitionSchema>;

/** A taxonomy file (the default one ships in resources/gaps). */
export const taxonomyFileSchema = z.object({ version: z.literal(1), gaps: z.array(gapDefinitionSchema).min(1) });

/**
 * Reads a taxonomy from JSON text, checking every field; codes must be unique.
 * Throws RangeError naming the first problem.
 */
export function parseTaxonomy(json: string): GapDefinition[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new RangeError(`The taxonomy is not JSON: ${(error as Error).message}`);
  }
  const parsed = taxonomyFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RangeError(`Invalid taxonomy at ${issue?.path.join('.') || 'top'}: ${issue?.message}`);
  }
  const seen = new Set<string>();
  for (const gap of parsed.data.gaps) {
    if (seen.has(gap.code)) throw new RangeError(`Invalid taxonomy: the code ${gap.code} occurs twice.`);
    seen.add(gap.code);
  }
  return parsed.data.gaps;
}

/** A taxonomy as JSON text, the format parseTaxonomy reads. */
export function taxonomyToJSON(gaps: readonly GapDefinition[]): string {
  return `${JSON.stringify({ version: 1, gaps }, null, 2)}\n`;
}
