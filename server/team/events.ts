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

/** The first wait before listening again after the connection was lost, and the longest. */
const RELISTEN_MS = [1_000, 30_000] as const;

/** A LISTEN kept up while the service runs (keepListening). */
export interface EventsListener {
  /** Whether announcements reach the service now (false from a lost connection until it listens again). */
  listening(): boolean;
  /** Stops listening, and trying to. */
  stop(): Promise<void>;
}

/**
 * Listens for the changes announced (LISTEN on a client of its own) and hands each to `deliver`,
 * for as long as the service runs. The first LISTEN must succeed (the service does not start
 * without). A lost connection — PostgreSQL restarted, a failover, a network cut — is reported to
 * `onLost` at once (what was announced meanwhile never reaches this service: the event streams
 * must end, so that each desktop catches up when it connects again), and the listener connects
 * again after 1 s, 2 s … up to 30 s (`retryMs`), reporting to `onBack` once it listens.
 */
export async function keepListening(
  db: Db,
  deliver: (event: TeamEvent) => void,
  on: { lost(error: Error): void; back(): void },
  retryMs: readonly [number, number] = RELISTEN_MS,
): Promise<EventsListener> {
  let client: pg.PoolClient | null = null;
  let stopped = false;
  let wait = retryMs[0];
  let clock: NodeJS.Timeout | null = null;

  const listen = async (): Promise<void> => {
    const fresh = await db.listener();
    let gone = false;
    const lose = (error: Error) => {
      if (gone || stopped) return;
      gone = true;
      client = null;
      // Destroyed, not put back in the pool: its connection is dead.
      fresh.release(error);
      on.lost(error);
      again();
    };
    fresh.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const parsed = teamEventSchema.safeParse(JSON.parse(message.payload));
      if (parsed.success) deliver(parsed.data);
    });
    fresh.on('error', lose);
    fresh.on('end', () => lose(new Error('The connection PostgreSQL announcements came on ended.')));
    try {
      await fresh.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      if (!gone) {
        gone = true;
        fresh.release(error as Error);
      }
      throw error;
    }
    if (gone) throw new Error('The connection PostgreSQL announcements came on ended.');
    if (stopped) {
      // Stopped while it was connecting again: not to be kept, or the pool would wait for it.
      gone = true;
      fresh.release();
      return;
    }
    client = fresh;
    wait = retryMs[0];
  };

  const again = (): void => {
    if (stopped || clock) return;
    clock = setTimeout(() => {
      clock = null;
      listen().then(
        () => {
          if (!stopped) on.back();
        },
        () => {
          wait = Math.min(wait * 2, retryMs[1]);
          again();
        },
      );
    }, wait);
    clock.unref();
  };

  try {
    await listen();
  } catch (error) {
    // The service does not start: nothing is to try again behind its back.
    stopped = true;
    if (clock) clearTimeout(clock);
    throw error;
  }
  return {
    listening: () => client !== null,
    stop: async () => {
      stopped = true;
      if (clock) clearTimeout(clock);
      const last = client;
      client = null;
      if (!last) return;
      await last.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      last.release();
    },
  };
}
