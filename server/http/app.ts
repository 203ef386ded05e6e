import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { commentRequestSchema, decisionRequestSchema, leaseRequestSchema, membersRequestSchema, publishRequestSchema, PROTOCOL_HEADER, pullSinceSchema, pushRequestSchema, rebaseRequestSchema, TEAM_PROTOCOL, type PullSince } from '../../shared/team/contract';
import type { Db } from '../db/connect';
import { SERVER_SCHEMA_VERSION } from '../db/migrations';
import { TEAM_ERROR_STATUS, TeamError } from '../team/errors';
import { keepListening } from '../team/events';
import { leasesOf, releaseAllLeases, releaseLease, takeLease } from '../team/leases';
import { changeMembers, membersOf } from '../team/members';
import { listPackages, publishPackage, pullDraft } from '../team/packages';
import { push } from '../team/push';
import { rebaseDraft } from '../team/rebase';
import { prepareRejection } from '../team/rejection';
import { addComment, commentsOf, decide, decisionsOf, type RejectionPreparer } from '../team/review';
import { FROM_SOURCE, RejectionWorker, WorkerLost } from '../work/rejection-pool';
import { listUsers, userOfToken, type TeamUser } from '../team/users';
import { readBody } from './body';
import { EventsHub } from './events-hub';

/** A running team service. */
export interface TeamServer {
  /** Where it listens (the port chosen when 0 was asked). */
  url: string;
  /** How many desktops are connected for events. */
  subscribers(): number;
  close(): Promise<void>;
}

/** How the service is started. */
export interface TeamServerOptions {
  db: Db;
  host: string;
  port: number;
  /** A certificate and key (PEM): HTTPS. Without: plain HTTP, for loopback or behind the ministry's TLS proxy. */
  tls?: { cert: string; key: string };
  log?(message: string, error?: unknown): void;
  /** How often each event stream is kept alive and its person looked at again (EventsHub). */
  recheckMs?: number;
  /** The first and longest wait before listening again for PostgreSQL's announcements after the connection was lost. */
  relistenMs?: readonly [number, number];
  /**
   * The database's URL, for a worker thread of its own that works rejections out off the service's
   * thread (server/work/rejection-pool.ts); without it, or where no worker can start, they are
   * worked out on the service's thread.
   */
  databaseUrl?: string;
  /** The built worker script (team-worker.js beside the built CLI); from a checkout, its source runs through tsx. */
  workerScript?: string;
}

type Handler = (request: IncomingMessage, user: TeamUser, params: string[]) => Promise<unknown>;

/**
 * Refuses a desktop that speaks another version of the contract (or names none: a build from
 * before it was named), saying which side is older — its answers would be misread, or its
 * requests. Checked before the token, so that the person is told to update, not that they are unknown.
 */
function requireProtocol(request: IncomingMessage): void {
  const named = request.headers[PROTOCOL_HEADER];
  const spoken = typeof named === 'string' && /^\d{1,6}$/.test(named) ? Number(named) : 0;
  if (spoken === TEAM_PROTOCOL) return;
  const detail = { server: TEAM_PROTOCOL, desktop: spoken };
  if (spoken < TEAM_PROTOCOL) throw new TeamError('UPGRADE', `This app speaks version ${spoken} of the team protocol and the server ${TEAM_PROTOCOL}: update Zan Workbench.`, detail);
  throw new TeamError('UPGRADE', `The team server speaks version ${TEAM_PROTOCOL} of the team protocol and this app ${spoken}: the server is to be updated.`, detail);
}

/** What a pull asks from (`?since=<revision>&base=<text id>`, both or neither), validated; undefined: the whole draft. */
function sinceOf(request: IncomingMessage): PullSince | undefined {
  const query = new URLSearchParams((request.url ?? '').split('?')[1] ?? '');
  if (query.size === 0) return undefined;
  return pullSinceSchema.parse(Object.fromEntries(query));
}

/** The device a desktop names itself by (X-Zan-Device), for the log and for leases. */
function deviceOf(request: IncomingMessage): string {
  const device = request.headers['x-zan-device'];
  return typeof device === 'string' && device.length > 0 && device.length <= 200 ? device : 'unnamed device';
}

/**
 * Starts the team service over a migrated database: one route per command of the contract
 * (shared/team/contract.ts), each behind a bearer token and validated before it runs; the changes
 * of the packages a desktop is a member of stream to it at /v1/events.
 */
export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const { db } = options;
  const log = options.log ?? ((message, error) => console.error(`[zan server] ${message}`, error ?? ''));
  const hub = new EventsHub(db, options.recheckMs);
  const listener = await keepListening(db, (event) => void hub.deliver(event).catch((e) => log('an event was not delivered', e)), {
    // What is announced until it listens again is lost to this service: every stream ends, and each
    // desktop, connecting again, catches up (it pulls its drafts and brings in comments and decisions).
    lost: (error) => {
      log('the event listener lost its connection to PostgreSQL; listening again', error);
      hub.endAll();
    },
    back: () => log('the event listener is listening again'),
  }, options.relistenMs);
  const versionParam = z.string().regex(/^[0-9A-Za-z_-]{8,64}$/);
  const worker = options.databaseUrl && (options.workerScript || FROM_SOURCE) ? new RejectionWorker(options.databaseUrl, options.workerScript) : null;
  // On the worker while it answers; a worker lost (or that never started) leaves the work to this thread.
  let workerGone = false;
  const prepare: RejectionPreparer = async (versionId, uid) => {
    if (worker && !workerGone) {
      try {
        return await worker.prepare(versionId, uid);
      } catch (error) {
        if (!(error instanceof WorkerLost)) throw error;
        workerGone = true;
        log('the rejection worker is gone; rejections are worked out on the service thread', error);
      }
    }
    return prepareRejection(db, versionId, uid);
  };

  const routes: [string, RegExp, Handler][] = [
    ['GET', /^\/v1\/me$/, async (_r, user) => user],
    ['GET', /^\/v1\/users$/, async (_r, user) => listUsers(db, user)],
    ['GET', /^\/v1\/packages$/, async (_r, user) => listPackages(db, user)],
    ['POST', /^\/v1\/packages$/, async (r, user) => publishPackage(db, user, await readBody(r, publishRequestSchema), deviceOf(r))],
    ['GET', /^\/v1\/packages\/([^/]+)\/members$/, async (_r, user, [pkg]) => membersOf(db, user, versionParam.parse(pkg))],
    ['POST', /^\/v1\/packages\/([^/]+)\/members$/, async (r, user, [pkg]) => changeMembers(db, user, versionParam.parse(pkg), await readBody(r, membersRequestSchema), deviceOf(r))],
    ['GET', /^\/v1\/drafts\/([^/]+)$/, async (r, user, [id]) => pullDraft(db, user, versionParam.parse(id), sinceOf(r))],
    ['POST', /^\/v1\/push$/, async (r, user) => push(db, user, await readBody(r, pushRequestSchema))],
    ['POST', /^\/v1\/leases$/, async (r, user) => takeLease(db, user, await readBody(r, leaseRequestSchema))],
    ['DELETE', /^\/v1\/leases$/, async (r, user) => releaseLease(db, user, await readBody(r, leaseRequestSchema)).then(() => ({ released: true }))],
    ['POST', /^\/v1\/drafts\/([^/]+)\/rebase$/, async (r, user, [id]) => rebaseDraft(db, user, versionParam.parse(id), await readBody(r, rebaseRequestSchema), deviceOf(r))],
    ['GET', /^\/v1\/drafts\/([^/]+)\/leases$/, async (_r, user, [id]) => leasesOf(db, user, versionParam.parse(id))],
    ['POST', /^\/v1\/drafts\/([^/]+)\/release-leases$/, async (r, user, [id]) => ({ released: await releaseAllLeases(db, user, versionParam.parse(id), deviceOf(r)) })],
    ['POST', /^\/v1\/decisions$/, async (r, user) => decide(db, user, await readBody(r, decisionRequestSchema), deviceOf(r), prepare)],
    ['GET', /^\/v1\/drafts\/([^/]+)\/decisions$/, async (_r, user, [id]) => decisionsOf(db, user, versionParam.parse(id))],
    ['POST', /^\/v1\/comments$/, async (r, user) => addComment(db, user, await readBody(r, commentRequestSchema), deviceOf(r)).then(() => ({ ok: true }))],
    ['GET', /^\/v1\/packages\/([^/]+)\/comments$/, async (_r, user, [pkg]) => commentsOf(db, user, versionParam.parse(pkg))],
    ['GET', /^\/v1\/packages\/([^/]+)\/comments\/([^/]+)$/, async (_r, user, [pkg, uid]) => commentsOf(db, user, versionParam.parse(pkg), versionParam.parse(uid))],
  ];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (request.method === 'GET' && path === '/v1/health') return send(response, 200, { ok: true, schema: SERVER_SCHEMA_VERSION, protocol: TEAM_PROTOCOL, listening: listener.listening() });
    requireProtocol(request);
    const auth = request.headers.authorization;
    const user = await userOfToken(db, typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : null);
    if (request.method === 'GET' && path === '/v1/events') {
      // A stream now would miss what is announced until the service listens again: the desktop tries later.
      if (!listener.listening()) throw new TeamError('UNAVAILABLE', 'The team server is reconnecting to its database; try again shortly.');
      return hub.subscribe(user, response);
    }
    for (const [method, pattern, handler] of routes) {
      const match = pattern.exec(path);
      if (!match || method !== request.method) continue;
      const value = await handler(request, user, match.slice(1).map(decodeURIComponent));
      // A push refused as stale or leased is an answer, with its own status.
      const status = (value as { status?: string }).status;
      return send(response, status === 'stale' ? 409 : status === 'leased' ? 423 : 200, value);
    }
    throw new TeamError('NOT_FOUND', `No route ${request.method} ${path}.`);
  };

  const server: Server = (options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }) : createServer()).on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.end();
      if (error instanceof TeamError) return send(response, TEAM_ERROR_STATUS[error.code], { error: { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) } });
      if (error instanceof z.ZodError) return send(response, 400, { error: { code: 'INVALID', message: error.issues[0]?.message ?? 'invalid request' } });
      log(`${request.method} ${request.url} failed`, error);
      send(response, 500, { error: { code: 'INTERNAL', message: 'The server could not answer this request.' } });
    });
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(options.port, options.host, () => ok()));
  const address = server.address() as AddressInfo;
  let closed = false;
  return {
    url: `${options.tls ? 'https' : 'http'}://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    subscribers: () => hub.size,
    // Once: a second call (a test that stopped the server itself) does nothing.
    close: async () => {
      if (closed) return;
      closed = true;
      hub.close();
      await listener.stop();
      await worker?.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? null);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
