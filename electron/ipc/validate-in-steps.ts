import { z } from 'zod';
import { bulkArrayOf } from '../../shared/ipc';

/** Items validated between two turns of the main process (~4 ms of provision rows). */
const STEP_ITEMS = 2000;

/** What validating a payload gives: its parsed value, or the first issue in words (the field named). */
export type Validated = { ok: true; data: unknown } | { ok: false; message: string };

/**
 * Validates a payload against a channel's input schema as `schema.safeParse` does, but the
 * arrays the contract declares bulk (shared/ipc.ts bulkArray) that are long are checked a step of
 * items at a time, with a turn of the event loop between steps: a 50,000-row save is validated in
 * full, in the main process, without holding it for a tenth of a second. The rest of the payload
 * is checked first, with those arrays empty; an item's issue is named by its index, as zod names it.
 */
export async function validateInSteps(schema: z.ZodType, payload: unknown): Promise<Validated> {
  const bulk = schema instanceof z.ZodObject && payload !== null && typeof payload === 'object' ? bulkFields(schema, payload as Record<string, unknown>) : [];
  if (bulk.length === 0) return fromZod(schema.safeParse(payload));
  const outer = schema.safeParse({ ...(payload as object), ...Object.fromEntries(bulk.map(([key]) => [key, []])) });
  if (!outer.success) return fromZod(outer);
  const data = { ...(outer.data as object) } as Record<string, unknown>;
  for (const [key, items, { item, max }] of bulk) {
    if (items.length > max) return { ok: false, message: `${key}: Too big: expected array to have <=${max} items` };
    const parsed: unknown[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      if (i > 0 && i % STEP_ITEMS === 0) await new Promise((ok) => setImmediate(ok));
      const one = item.safeParse(items[i]);
      if (!one.success) return fromZod(one, [key, i]);
      parsed[i] = one.data;
    }
    data[key] = parsed;
  }
  return { ok: true, data };
}

/** The payload's long arrays in fields the schema declares bulk. */
function bulkFields(schema: z.ZodObject, payload: Record<string, unknown>): [string, unknown[], { item: z.ZodType; max: number }][] {
  const found: [string, unknown[], { item: z.ZodType; max: number }][] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    const spec = bulkArrayOf(field as z.ZodType);
    const value = payload[key];
    if (spec && Array.isArray(value) && value.length > STEP_ITEMS) found.push([key, value, spec]);
  }
  return found;
}

function fromZod(result: z.ZodSafeParseResult<unknown>, prefix: (string | number)[] = []): Validated {
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  const path = [...prefix, ...(issue?.path ?? [])].map(String).join('.');
  return { ok: false, message: issue ? `${path || 'payload'}: ${issue.message}` : 'invalid payload' };
}
