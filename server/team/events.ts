import type pg from 'pg';
import { teamEventSchema, type TeamEvent } from '../../shared/team/contract';
import type { Db, Queryable } from '../db/connect';

/** The PostgreSQL channel the team service's changes are announced on. */
const CHANNEL = 'zan_team';

/**
 * Announces a change, in the caller's transaction: PostgreSQL delivers it when (and only if) the
 * transaction commits, to every server listening — several servers behind one proxy see the same.
 */
export async function notify(q: Queryable, event: TeamEvent): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
}

/**
 * Listens for the changes announced (LISTEN on a client of its own) and hands each to `deliver`.
 * Returns a function that stops listening. A lost connection is reported to `onError`.
 */
export async function listenForEvents(db: Db, deliver: (event: TeamEvent) => void, onError: (error: Error) => void): Promise<() => Promise<void>> {
  const client: pg.PoolClient = await db.listener();
  client.on('notification', (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    const parsed = teamEventSchema.safeParse(JSON.parse(message.payload));
    if (parsed.success) deliver(parsed.data);
  });
  client.on('error', onError);
  await client.query(`LISTEN ${CHANNEL}`);
  return async () => {
    await client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
    client.release();
  };
}
