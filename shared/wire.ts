import type { Reply } from './reply';

/**
 * A reply's value already written as JSON, by the worker thread that made it. A big value (a 2 MB
 * law, the comparison of a 4.9 M character text) copied into the main process as objects holds its
 * event loop while it is rebuilt there, and again while Electron copies it on to the page; as one
 * string it crosses both in a copy of memory. The main process hands it on without reading it; the
 * page's bridge reads it (fromWire). `T` is the value it stands for.
 */
export class SerializedValue<T = unknown> {
  declare private readonly brand: T;

  constructor(readonly json: string) {}

  /** The value it stands for (tests; the app never reads it in the main process). */
  parse(): T {
    return JSON.parse(this.json) as T;
  }
}

/** A reply as it crosses to the page: a serialized value travels as its JSON text. */
export type WireReply = Reply<unknown> | { ok: true; json: string };

/** The reply to send over IPC: a serialized value as its JSON text, anything else as it is. */
export function toWire(reply: Reply<unknown>): WireReply {
  return reply.ok && reply.value instanceof SerializedValue ? { ok: true, json: reply.value.json } : reply;
}

/** A reply as the page reads it: JSON text back into the value; anything else as it came. */
export function fromWire(answer: unknown): unknown {
  if (answer && typeof answer === 'object' && (answer as { ok?: unknown }).ok === true && typeof (answer as { json?: unknown }).json === 'string' && !('value' in answer)) {
    return { ok: true, value: JSON.parse((answer as { json: string }).json) as unknown };
  }
  return answer;
}
