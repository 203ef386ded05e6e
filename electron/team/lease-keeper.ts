import type { Lease } from '../../shared/team/contract';
import type { ReadContext } from '../services/context';
import { TeamRefused, TeamUnreachable, type TeamApi } from '../services/team/api';

/** What asking for a provision's lease gave. */
export type LeaseAnswer = { state: 'held' } | { state: 'held-by'; holder: string } | { state: 'offline' };

/** A lease someone else holds, as this desktop knows of it. */
export interface OthersLease {
  uid: string;
  holder: string;
  expiresAt: string;
}

/** How often this desktop's leases are renewed (the server lets one go after 120 s without). */
export const HEARTBEAT_MS = 30_000;
/** A provision not typed in for this long, its changes pushed, is given back. */
export const IDLE_MS = 90_000;
/** Asking again for a lease held, typing on, at most this often (the heartbeat renews it meanwhile). */
const TOUCH_AGAIN_MS = 20_000;

/**
 * The provision leases of one desktop (issue 17), as UK Lawmaker and Indigo take them: typing in a
 * provision takes its lease (`take`, on the first keystroke; held while typing and renewed by the
 * heartbeat); moving on to another provision of the draft, or leaving the draft, gives back those
 * whose changes the server has (a provision with changes still in the outbox stays held until they
 * are pushed: `settle` after each push round); one idle for IDLE_MS is given back too. Also knows the leases others hold, from the
 * server's list when a draft is opened and from its events after, for the editor to show the
 * holder and keep the provision read-only.
 */
export class LeaseKeeper {
  private readonly mine = new Map<string, { versionId: string; uid: string; touchedAt: number }>();
  private readonly others = new Map<string, Map<string, OthersLease>>();
  /** The provision of each draft typed in last (the others held are given back once pushed). */
  private readonly current = new Map<string, string>();
  /** Leases being given back by this desktop (their event is not another's doing). */
  private readonly giving = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: ReadContext,
    private readonly api: TeamApi,
    private readonly me: () => { id: string; device: string } | null,
    private readonly changed: () => void,
    private readonly clock: () => number = Date.now,
    /** One of this desktop's leases was taken away (an owner released the draft's leases). */
    private readonly takenAway: (versionId: string, uid: string) => void = () => undefined,
  ) {}

  /** Starts the heartbeat. */
  start(): void {
    this.timer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref?.();
  }

  /** Stops the heartbeat and gives back every lease of this desktop whose changes are pushed. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([...new Set([...this.mine.values()].map((l) => l.versionId))].map((v) => this.leaveDraft(v)));
  }

  /** The drafter typed in a provision: its lease, taken (or kept) for this desktop, or who holds it. */
  async take(versionId: string, uid: string): Promise<LeaseAnswer> {
    const held = this.mine.get(key(versionId, uid));
    const now = this.clock();
    this.current.set(versionId, uid);
    if (held && now - held.touchedAt < TOUCH_AGAIN_MS) {
      held.touchedAt = now;
      await this.settle();
      return { state: 'held' };
    }
    try {
      await this.api.takeLease(versionId, uid);
    } catch (error) {
      if (error instanceof TeamUnreachable) return { state: 'offline' };
      if (error instanceof TeamRefused && error.code === 'LEASED') {
        const holder = typeof error.detail['holder'] === 'string' ? error.detail['holder'] : '?';
        this.setOther(versionId, { uid, holder, expiresAt: typeof error.detail['expiresAt'] === 'string' ? error.detail['expiresAt'] : '' });
        return { state: 'held-by', holder };
      }
      throw error;
    }
    this.mine.set(key(versionId, uid), { versionId, uid, touchedAt: now });
    if (this.others.get(versionId)?.delete(uid)) this.changed();
    await this.settle();
    return { state: 'held' };
  }

  /**
   * Gives back the provisions the drafter moved on from (not the one typed in last of each draft)
   * whose changes the server has: called after each lease taken and each push round.
   */
  async settle(): Promise<void> {
    await this.giveBack([...this.mine.values()].filter((l) => this.current.get(l.versionId) !== l.uid));
  }

  /** The drafter left a draft: its leases whose changes are pushed go back. */
  async leaveDraft(versionId: string): Promise<void> {
    this.current.delete(versionId);
    await this.giveBack([...this.mine.values()].filter((l) => l.versionId === versionId));
  }

  /** The leases others hold on a draft, read from the server (the first time a draft is opened, and on each connection). */
  async load(versionId: string): Promise<void> {
    let leases: Lease[];
    try {
      leases = await this.api.leases(versionId);
    } catch (error) {
      if (error instanceof TeamUnreachable || error instanceof TeamRefused) return;
      throw error;
    }
    const me = this.me();
    const theirs = new Map(leases.filter((l) => !(me && l.userId === me.id && l.device === me.device)).map((l) => [l.uid, { uid: l.uid, holder: l.holder, expiresAt: l.expiresAt }]));
    this.others.set(versionId, theirs);
    this.changed();
  }

  /** The server says a lease was taken or given back. */
  onLeaseEvent(versionId: string, uid: string, holder: string | null, expiresAt: string | null): void {
    if (holder === null) {
      const was = this.others.get(versionId)?.delete(uid);
      // Ours taken away (an owner released the draft's leases): typing again takes it anew.
      const ours = !this.giving.has(key(versionId, uid)) && this.mine.delete(key(versionId, uid));
      if (ours) this.takenAway(versionId, uid);
      if (was || ours) this.changed();
      return;
    }
    // Ours, taken or renewed a moment ago (the event names the person, not the device).
    if (this.mine.has(key(versionId, uid))) return;
    this.setOther(versionId, { uid, holder, expiresAt: expiresAt ?? '' });
  }

  /** The leases others hold on a draft now (those past their time are not). */
  othersOn(versionId: string): OthersLease[] {
    const now = this.clock();
    return [...(this.others.get(versionId)?.values() ?? [])].filter((l) => !l.expiresAt || Date.parse(l.expiresAt) > now);
  }

  /** The provisions of a draft this desktop holds. */
  mineOn(versionId: string): string[] {
    return [...this.mine.values()].filter((l) => l.versionId === versionId).map((l) => l.uid);
  }

  /** Renews what is typed in, gives back what is idle and pushed. */
  async heartbeat(): Promise<void> {
    const now = this.clock();
    const idle: { versionId: string; uid: string }[] = [];
    for (const lease of [...this.mine.values()]) {
      if (now - lease.touchedAt >= IDLE_MS) idle.push(lease);
      else await this.api.takeLease(lease.versionId, lease.uid).catch(() => undefined);
    }
    await this.giveBack(idle);
    // Idle with changes still waiting (offline): kept, and renewed, until they are pushed.
    for (const lease of idle) if (this.mine.has(key(lease.versionId, lease.uid))) await this.api.takeLease(lease.versionId, lease.uid).catch(() => undefined);
  }

  private async giveBack(leases: readonly { versionId: string; uid: string }[]): Promise<void> {
    let gave = false;
    for (const lease of leases) {
      if (this.ctx.store.team.pendingUids(lease.versionId).has(lease.uid)) continue;
      const k = key(lease.versionId, lease.uid);
      this.giving.add(k);
      try {
        await this.api.releaseLease(lease.versionId, lease.uid);
      } catch (error) {
        // Unreachable: the server lets it go by itself after its time.
        if (!(error instanceof TeamUnreachable || error instanceof TeamRefused)) throw error;
      } finally {
        this.giving.delete(k);
      }
      this.mine.delete(k);
      gave = true;
    }
    if (gave) this.changed();
  }

  private setOther(versionId: string, lease: OthersLease): void {
    let of = this.others.get(versionId);
    if (!of) this.others.set(versionId, (of = new Map()));
    of.set(lease.uid, lease);
    this.changed();
  }
}

function key(versionId: string, uid: string): string {
  return `${versionId}\u0000${uid}`;
}
