import type { TeamEvent } from '../../shared/team/contract';
import type { ServiceContext } from '../services/context';
import { catchUpComments, receiveComments, sendComments } from '../services/team/comments';
import { applyTeamDecision, catchUpDecisions } from '../services/team/decisions';
import { joinFromTeam } from '../services/team/join';
import { pullFromTeam } from '../services/team/pull';
import { pushOutbox, type PushOutcome } from '../services/team/sync';
import { TeamRefused } from '../services/team/api';
import type { TeamClient } from './client';

/** What the title bar shows of team mode. */
export interface TeamStatus {
  state: 'online' | 'offline' | 'syncing';
  /** What waits to go up: pushes in the outbox and comments not yet sent. */
  queue: number;
  /** The last push refused for a lease someone else holds, or refused outright (conflicts to choose on are the store's: TeamHost says them). */
  notice: { kind: 'leased'; uid: string; holder: string } | { kind: 'refused'; code: string; message: string } | null;
}

/** What the sync loop tells its host besides the status: a draft's text changed from the server, packages joined, a package's review statuses changed here (decisions lapsed), or an event to pass on. */
export type TeamChange = { kind: 'draft'; versionId: string } | { kind: 'joined'; packages: string[] } | { kind: 'reviewed'; packageId: string } | { kind: 'event'; event: TeamEvent };

/** How many things wait to go up to the server: pushes in the outbox and comments not yet sent. */
export function waitingToGoUp(ctx: ServiceContext): number {
  return ctx.store.team.outbox().length + ctx.store.team.commentsOut().length;
}

/**
 * How long a desktop gathers colleagues' pushes before it pulls them: with 50 drafters saving each
 * second, pulling on every event had each desktop pull ~17 times a second and the server's pushes
 * wait behind 860 pulls a second (npm run bench:team: push p95 156 ms against 16 ms without pulls).
 * The event itself (who is editing what) still shows at once; the wording follows within this.
 */
export const PULL_GATHER_MS = 200;

/** The first wait before trying an unreachable server again, and the longest. */
const RETRY_MS = [2_000, 60_000] as const;

/**
 * Keeps a desktop in step with its team server while the app runs: pushes the outbox after each
 * save (poke) and, while the server cannot be reached, again after 2 s, 4 s … up to a minute;
 * listens to the server's events and pulls a linked draft when someone else changed it (and
 * every linked draft on each connection, for what happened while it was away). One push or pull
 * at a time. The status says online / offline / syncing and how many pushes wait.
 */
export class TeamSync {
  private running: Promise<void> | null = null;
  private again = false;
  private retry: NodeJS.Timeout | null = null;
  /** The clock of pulls gathered (pokeSoon), while one runs. */
  private gathering: NodeJS.Timeout | null = null;
  private wait: number = RETRY_MS[0];
  private readonly stopped = new AbortController();
  /** Ends the event stream's wait before it connects again (set while it waits). */
  private wakeListener: () => void = () => undefined;
  private current: TeamStatus = { state: 'offline', queue: 0, notice: null };
  private readonly toPull = new Set<string>();
  /** The provisions (package, uid) whose comments changed on the server, to bring in. */
  private readonly commentsToPull = new Map<string, { packageId: string; uid: string; event: TeamEvent }>();
  /** Decisions announced by the server, to follow here. */
  private readonly decisions: Extract<TeamEvent, { kind: 'decision' }>[] = [];
  /** Whether to look for packages shared with this person that this desktop does not have yet. */
  private toJoin = false;
  /** Whether to bring in the comments and decisions made while this desktop was not listening. */
  private toCatchUp = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly client: TeamClient,
    private readonly device: string,
    private readonly onStatus: (status: TeamStatus) => void = () => undefined,
    private readonly log: (message: string, error?: unknown) => void = () => undefined,
    private readonly onChange: (change: TeamChange) => void = () => undefined,
  ) {}

  /** Starts listening, and pushes what waits. */
  start(): void {
    void this.listen();
    this.poke();
  }

  /** Something was saved (or the network came back): push now. */
  poke(): void {
    if (this.stopped.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }

  /**
   * Runs `work` between rounds: once the round under way has ended, with none started until it
   * is done (pokes meanwhile wait for it). A review decision and the saving of what the server
   * made of it are such work: a pull in between would bring the server's restored wording in as
   * an ordinary change before the rejection is recorded here.
   */
  async between<T>(work: () => Promise<T>): Promise<T> {
    while (this.running) await this.running;
    let release = (): void => undefined;
    this.running = new Promise<void>((done) => (release = done));
    try {
      return await work();
    } finally {
      this.running = null;
      release();
      if (this.again) {
        this.again = false;
        this.poke();
      }
    }
  }

  /** The status now. */
  status(): TeamStatus {
    return { ...this.current, queue: waitingToGoUp(this.ctx) };
  }

  /** Stops listening and retrying; resolves once the round under way has ended. */
  async stop(): Promise<void> {
    this.stopped.abort();
    if (this.retry) clearTimeout(this.retry);
    if (this.gathering) clearTimeout(this.gathering);
    await this.running;
  }

  private async round(): Promise<void> {
    this.set({ state: 'syncing' });
    let outcome: PushOutcome;
    try {
      if (this.toJoin) {
        this.toJoin = false;
        const joined = await joinFromTeam(this.ctx, this.client);
        if (joined.state === 'offline') this.toJoin = true;
        else if (joined.packages.length > 0) this.onChange({ kind: 'joined', packages: joined.packages });
      }
      outcome = await pushOutbox(this.ctx, this.client, this.device);
      const comments = await sendComments(this.ctx, this.client);
      if (comments.state === 'offline' && outcome.state === 'done') outcome = { state: 'offline', pushed: outcome.pushed, waiting: this.ctx.store.team.outbox().length };
      else if (comments.state === 'refused' && outcome.state === 'done') outcome = { state: 'refused', pushed: outcome.pushed, code: comments.code, message: comments.message };
      for (const event of this.decisions.splice(0)) if (await applyTeamDecision(this.ctx, event)) this.onChange({ kind: 'event', event });
      for (const [key, wanted] of [...this.commentsToPull]) {
        const added = await receiveComments(this.ctx, this.client, wanted.packageId, wanted.uid);
        if (added === null) break;
        this.commentsToPull.delete(key);
        if (added.length > 0) this.onChange({ kind: 'event', event: wanted.event });
      }
      // A draft is taken off the list only once its pull has been made.
      for (const versionId of [...this.toPull]) {
        const pulled = await pullFromTeam(this.ctx, this.client, versionId);
        if (pulled.state === 'offline') {
          outcome = { state: 'offline', pushed: 0, waiting: this.ctx.store.team.outbox().length };
          break;
        }
        if (pulled.applied > 0 || pulled.moved) this.onChange({ kind: 'draft', versionId });
        const packageId = this.ctx.store.versions.get(versionId)?.packageId;
        if ((pulled.lapsed.length > 0 || pulled.moved) && packageId) this.onChange({ kind: 'reviewed', packageId });
        this.toPull.delete(versionId);
      }
      // Cleared only once it was made: a round that could not (or failed) tries again.
      if (this.toCatchUp && outcome.state !== 'offline' && (await this.catchUp())) this.toCatchUp = false;
    } catch (error) {
      this.log('team sync failed', error);
      outcome = { state: 'offline', pushed: 0, waiting: this.ctx.store.team.outbox().length };
    }
    if (outcome.state === 'offline') {
      this.set({ state: 'offline' });
      // One clock at a time: a round started by another poke meanwhile must not leave a second one.
      if (this.retry) clearTimeout(this.retry);
      if (!this.stopped.signal.aborted) {
        this.retry = setTimeout(() => this.poke(), this.wait);
        this.retry.unref?.();
      }
      this.wait = Math.min(this.wait * 2, RETRY_MS[1]);
      return;
    }
    this.wait = RETRY_MS[0];
    // The server took a push: it is back, so the events need not wait out the stream's clock.
    if (outcome.pushed > 0) this.wakeListener();
    if (outcome.state === 'conflicts') this.onChange({ kind: 'draft', versionId: outcome.versionId });
    // A refusal is not retried by the clock (the next save or reconnection tries again): the drafter is told.
    this.set({ state: 'online', notice: outcome.state === 'leased' ? { kind: 'leased', uid: outcome.uid, holder: outcome.holder } : outcome.state === 'refused' ? { kind: 'refused', code: outcome.code, message: outcome.message } : null });
  }

  /**
   * Brings in what others decided and commented while this desktop was not listening (the
   * server's events reach only a listening desktop), and tells the window of each. False when the
   * server could not be reached (tried again on the next round).
   */
  private async catchUp(): Promise<boolean> {
    const drafts = this.ctx.store.team.linkedDrafts();
    const packages = new Set(drafts.flatMap((versionId) => this.ctx.store.versions.get(versionId)?.packageId ?? []));
    for (const packageId of packages) {
      const added = await catchUpComments(this.ctx, this.client, packageId);
      if (added === null) return false;
      for (const c of added) this.onChange({ kind: 'event', event: { kind: 'comment', packageId, uid: c.uid, commentId: c.id, by: c.by } });
    }
    for (const versionId of drafts) {
      const changed = await catchUpDecisions(this.ctx, this.client, versionId);
      if (changed === null) return false;
      for (const event of changed) this.onChange({ kind: 'event', event });
    }
    return true;
  }

  private async listen(): Promise<void> {
    let wait: number = RETRY_MS[0];
    while (!this.stopped.signal.aborted) {
      // On each connection, every linked draft is pulled: what others pushed while the events
      // could not reach this desktop is caught up (a pull brings only the provisions that moved).
      for (const versionId of this.ctx.store.team.linkedDrafts()) this.toPull.add(versionId);
      this.toJoin = true;
      this.toCatchUp = true;
      this.poke();
      try {
        await this.client.listen((event) => this.onEvent(event), this.stopped.signal);
        // The stream was open and ended (the server went away): try again shortly.
        wait = RETRY_MS[0];
      } catch (error) {
        if (this.stopped.signal.aborted) return;
        this.log('team events lost', error);
        // Not answered: wait longer each time, as pushes do, so that a server down for the night
        // is not asked (and each asking logged) every 2 s. A refusal (a revoked token, another
        // version of the protocol) will not mend itself in seconds: wait the longest at once.
        wait = error instanceof TeamRefused ? RETRY_MS[1] : wait;
      }
      if (this.stopped.signal.aborted) return;
      this.set({ state: 'offline' });
      await new Promise<void>((ok) => {
        const clock = setTimeout(ok, wait);
        clock.unref?.();
        this.wakeListener = () => {
          clearTimeout(clock);
          ok();
        };
      });
      this.wakeListener = () => undefined;
      wait = Math.min(wait * 2, RETRY_MS[1]);
    }
  }

  private onEvent(event: TeamEvent): void {
    if (!this.ctx.store.isOpen()) return;
    if (event.kind === 'lease') this.onChange({ kind: 'event', event });
    if (event.kind === 'decision') {
      this.decisions.push(event);
      this.poke();
      return;
    }
    if (event.kind === 'comment') {
      // Told once it is here (after the round that brings it in).
      this.commentsToPull.set(`${event.packageId}/${event.uid}`, { packageId: event.packageId, uid: event.uid, event });
      this.poke();
      return;
    }
    if (event.kind === 'package') {
      this.toJoin = true;
      this.poke();
      return;
    }
    if (event.kind !== 'push' && event.kind !== 'rebase') return;
    const version = this.ctx.store.versions.get(event.versionId);
    if (!version?.packageId || !this.ctx.store.team.linkOf(version.packageId)) return;
    if (event.kind === 'rebase') {
      // Moved onto a later text: taken by a pull (unless this desktop is on it already: it made the move).
      if (version.baseVersionId === event.onto) return;
      this.toPull.add(event.versionId);
      this.poke();
      return;
    }
    // Ours came back to us: in step already when every revision it names is ours.
    const synced = this.ctx.store.team.synced(event.versionId, Object.keys(event.revisions));
    if (!event.partial && Object.entries(event.revisions).every(([uid, revision]) => synced.get(uid)?.revision === revision)) return;
    this.toPull.add(event.versionId);
    this.pokeSoon();
  }

  /** Pokes once PULL_GATHER_MS have passed (one clock: pushes announced meanwhile are pulled together). */
  private pokeSoon(): void {
    if (this.gathering || this.stopped.signal.aborted) return;
    this.gathering = setTimeout(() => {
      this.gathering = null;
      this.poke();
    }, PULL_GATHER_MS);
    this.gathering.unref?.();
  }

  private set(change: Partial<TeamStatus>): void {
    this.current = { ...this.current, ...change };
    this.onStatus(this.status());
  }
}
