import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { TeamError } from '../team/errors';

/** The largest request body (a code of ~9,000 provisions published in two languages is ~10 MB). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Reads a JSON body and validates it against a schema; INVALID with the field named, TOO_LARGE past the limit. */
export async function readBody<S extends z.ZodType>(request: IncomingMessage, schema: S): Promise<z.output<S>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new TeamError('TOO_LARGE', `The request is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new TeamError('INVALID', 'The request body is not JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TeamError('INVALID', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body');
  }
  return parsed.data;
}
