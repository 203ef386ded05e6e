import type { z } from 'zod';
import { CHANNEL_NAMES, contract } from '../../shared/ipc';
import { FROM_APP, openApp } from './app-context';
import { join } from 'node:path';
import { connectionOf } from '../../electron/store/connection';

/** What the fuzz found. */
export interface FuzzTally {
  ipc_payloads: number;
  /** Calls whose dispatch threw or rejected instead of answering (the main process would have crashed or hung up). */
  ipc_crashes: number;
  /** Answers of INTERNAL: an error the app did not expect (each is a defect, even if answered). */
  ipc_internal: number;
  /** Payloads refused as invalid that still changed the database. */
  ipc_refused_but_written: number;
  /** Answers by code (how many reached the handlers, how many were refused at the door). */
  codes: Record<string, number>;
  problems: string[];
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * Random payloads for every channel of the contract, fixed by the seed: most follow the channel's
 * schema, with ids of things that exist in the database (so they reach the handlers) or not, text
 * with lone surrogates, NULs, long and empty strings, numbers out of range; the rest break the
 * schema (a field dropped, one added, a wrong type). Every call must be answered — ok, or a known
 * error code — never thrown, never INTERNAL; a refused payload must change nothing.
 */
export async function ipcFuzz(options: { dir: string; payloads: number; seed: number }): Promise<FuzzTally> {
  const app = openApp(join(options.dir, 'fuzz.sqlite'));
  const { ctx, dispatch } = app;
  let s = options.seed >>> 0;
  const random = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

  // A package to aim at, with a draft and an amendment, and what exists: the ids that make a payload reach a handler.
  const base = ctx.store.versions.listInForce()[0]!;
  const made = await dispatch('zan:createPackage', { title: 'Фаззинг', baseVersionIds: [base.id] }, FROM_APP);
  if (!made.ok) throw new Error(made.error.message);
  const pool = () => {
    const ids = connectionOf(ctx.store).prepare("SELECT id FROM package UNION SELECT id FROM version UNION SELECT id FROM comment UNION SELECT uid FROM provision WHERE rowid % 97 = 0 UNION SELECT id FROM snapshot").pluck().all() as string[];
    return [...ids, 'abcdefgh1234', 'job0000000001', 'INEFF_NORM', 'ru', 'kk', 'en'];
  };
  let ids = pool();
  const strings = () => pick(['', 'Текст', 'Мәтін', 'a'.repeat(5000), 'Текст \uD800 конец', 'NUL\u0000', '😀', '=HYPERLINK("x")', '../../etc/passwd', 'статья 5', ' ']);

  function gen(schema: unknown, depth = 0): unknown {
    const d = defOf(schema);
    switch (d.type) {
      case 'string': {
        const checks = (d['checks'] as { _zod: { def: { check: string; pattern?: RegExp } } }[] | undefined) ?? [];
        const pattern = checks.map((c) => c._zod.def.pattern).find((p): p is RegExp => p instanceof RegExp);
        if (pattern && random() < 0.85) {
          const fitting = ids.filter((x) => pattern.test(x));
          if (fitting.length) return pick(fitting);
        }
        return random() < 0.5 && ids.length ? pick(ids) : strings();
      }
      case 'number':
        return pick([0, 1, 2, -1, 3.5, 1e9, 50_000]);
      case 'boolean':
        return random() < 0.5;
      case 'literal':
        return pick(d['values'] as unknown[]);
      case 'enum':
        return random() < 0.9 ? pick(Object.values(d['entries'] as Record<string, unknown>)) : 'другое';
      case 'null':
        return null;
      case 'optional':
        return random() < 0.5 ? undefined : gen(d['innerType'], depth);
      case 'nullable':
        return random() < 0.3 ? null : gen(d['innerType'], depth);
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
        return gen(d['innerType'], depth);
      case 'pipe':
        return gen(d['in'], depth);
      case 'union':
        return gen(pick(d['options'] as unknown[]), depth);
      case 'array':
        return depth > 3 ? [] : Array.from({ length: Math.floor(random() * 3) }, () => gen(d['element'], depth + 1));
      case 'tuple':
        return (d['items'] as unknown[]).map((item) => gen(item, depth + 1));
      case 'record':
        return depth > 3 ? {} : { [String(gen(d['keyType'], depth + 1))]: gen(d['valueType'], depth + 1) };
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(d['shape'] as Record<string, unknown>)) {
          const v = gen(value, depth + 1);
          if (v !== undefined) out[key] = v;
        }
        return out;
      }
      case 'lazy':
        return depth > 3 ? {} : gen((d['getter'] as () => unknown)(), depth + 1);
      default:
        return strings();
    }
  }

  /** Breaks a payload the schema would take: a field dropped, one added, a value of the wrong type, or something else entirely. */
  function broken(payload: unknown): unknown {
    const roll = random();
    if (roll < 0.2) return pick([undefined, null, 42, 'строка', [], [{}], { __proto__: { polluted: true } }]);
    if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
      const copy = { ...(payload as Record<string, unknown>) };
      const keys = Object.keys(copy);
      if (roll < 0.5 && keys.length) delete copy[pick(keys)];
      else if (roll < 0.7) copy[pick(['sql', 'constructor', 'extra', '__proto__'])] = 'x';
      else if (keys.length) copy[pick(keys)] = pick([42, 'x', null, [], {}, true, -1]);
      return copy;
    }
    return payload;
  }

  const tally: FuzzTally = { ipc_payloads: 0, ipc_crashes: 0, ipc_internal: 0, ipc_refused_but_written: 0, codes: {}, problems: [] };
  const changes = () => connectionOf(ctx.store).prepare('SELECT total_changes()').pluck().get() as number;
  try {
    for (let i = 0; i < options.payloads; i++) {
      const channel = CHANNEL_NAMES[i % CHANNEL_NAMES.length]!;
      const valid = gen((contract as Record<string, { input: z.ZodType }>)[channel]!.input);
      const payload = random() < 0.7 ? valid : broken(valid);
      const before = changes();
      tally.ipc_payloads++;
      let reply;
      try {
        reply = await dispatch(`zan:${channel}`, payload, FROM_APP);
      } catch (error) {
        tally.ipc_crashes++;
        tally.problems.push(`${channel}: threw ${(error as Error).message} on ${JSON.stringify(payload)?.slice(0, 300)}`);
        continue;
      }
      const code = reply.ok ? 'ok' : reply.error.code;
      tally.codes[code] = (tally.codes[code] ?? 0) + 1;
      if (code === 'INTERNAL') {
        tally.ipc_internal++;
        tally.problems.push(`${channel}: INTERNAL ${(reply as { error: { message: string } }).error.message} on ${JSON.stringify(payload)?.slice(0, 300)}`);
      }
      if (code === 'INVALID_PAYLOAD' && changes() !== before) {
        tally.ipc_refused_but_written++;
        tally.problems.push(`${channel}: refused, but the database changed`);
      }
      // New things made by the calls that passed (comments, snapshots, packages) join the pool.
      if (i % 50 === 49) ids = pool();
    }
  } finally {
    app.close();
  }
  return tally;
}
