// The stand-in's log: one JSON object a line, appended synchronously to the file named by
// ZAN_STANDIN_LOG, so whatever the main process did before it crashed, hung or exited is on disk
// for the test to read.
import { appendFileSync } from 'node:fs';

const LOG = process.env.ZAN_STANDIN_LOG;

/** Replaces what JSON cannot hold (functions, buffers, cycles) by a short description. */
function plain(value, seen = new Set()) {
  if (typeof value === 'function') return '[function]';
  if (typeof value === 'bigint') return String(value);
  if (value === undefined) return '[undefined]';
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  const out = Array.isArray(value) ? value.map((v) => plain(v, seen)) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, seen)]));
  seen.delete(value);
  return out;
}

/** Appends one entry to the log: `{ t: kind, ...fields }`. */
export function record(kind, fields = {}) {
  if (!LOG) throw new Error('ZAN_STANDIN_LOG is not set: the stand-in has nowhere to record.');
  appendFileSync(LOG, `${JSON.stringify({ t: kind, ...plain(fields) })}\n`);
}
