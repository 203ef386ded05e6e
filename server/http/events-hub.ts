import type { ServerResponse } from 'node:http';
import type { TeamEvent } from '../../shared/team/contract';
import type { Db } from '../db/connect';
import { listPackages } from '../team/packages';
import type { TeamUser } from '../team/users';

interface Subscriber {
  user: TeamUser;
  response: ServerResponse;
  /** The packages this person sees, read when they connected and again when an event names another. */
  packages: Set<string>;
}

/**
 * Hands the changes PostgreSQL announces (LISTEN/NOTIFY) to the desktops connected for them, as
 * server-sent events, each only to the people of its package. Every `recheckMs` (25 s) each
 * stream gets a comment (a proxy does not close it as idle) and its person is looked at again: a
 * revoked token's stream ends, and a package no longer shared with them stops reaching them.
 */
export class EventsHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    recheckMs = 25_000,
  ) {
    this.keepAlive = setInterval(() => void this.recheck().catch(() => undefined), recheckMs);
    this.keepAlive.unref();
  }

  /** Keeps each stream alive, ends those of revoked tokens, and reads again what each person sees. */
  private async recheck(): Promise<void> {
    for (const s of [...this.subscribers]) {
      const [row] = await this.db.query<{ revoked: boolean }>('SELECT revoked_at IS NOT NULL AS revoked FROM team_user WHERE id = $1', [s.user.id]);
      if (!row || row.revoked) {
        this.subscribers.delete(s);
        s.response.end();
        continue;
      }
      s.packages = new Set((await listPackages(this.db, s.user)).map((p) => p.id));
      s.response.write(': keep-alive\n\n');
    }
  }

  /** Keeps a response open as an event stream for a person. */
  async subscribe(user: TeamUser, response: ServerResponse): Promise<void> {
    const packages = new Set((await listPackages(this.db, user)).map((p) => p.id));
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(': connected\n\n');
    const subscriber: Subscriber = { user, response, packages };
    this.subscribers.add(subscriber);
    response.on('close', () => this.subscribers.delete(subscriber));
  }

  /** Sends an event to those who see its package. */
  async deliver(event: TeamEvent): Promise<void> {
    for (const s of this.subscribers) {
      // A package published since they connected, or shared with more people or fewer: who sees
      // it is read again, so that someone no longer on it hears nothing more of it from now.
      if (event.kind === 'package' || !s.packages.has(event.packageId)) {
        s.packages = new Set((await listPackages(this.db, s.user)).map((p) => p.id));
        if (!s.packages.has(event.packageId)) continue;
      }
      s.response.write(`event: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`);
    }
  }

  /** How many desktops are connected. */
  get size(): number {
    return this.subscribers.size;
  }

  /** Ends every stream (each desktop connects again and catches up). */
  endAll(): void {
    for (const s of this.subscribers) s.response.end();
    this.subscribers.clear();
  }

  /** Ends every stream and the keep-alive clock (the server is stopping). */
  close(): void {
    clearInterval(this.keepAlive);
    this.endAll();
  }
}
