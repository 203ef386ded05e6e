import type { KeychainLike } from '../services/audit/install-key';
import type { ServiceContext } from '../services/context';
import { TeamRefused, TeamUnreachable } from '../services/team/api';
import { decideOnTeam, type TeamDecision, type TeamRejection } from '../services/team/decisions';
import { publishToTeam } from '../services/team/publish';
import { moveTeamDraft, type TeamMoveOutcome } from '../services/team/rebase';
import { pushOutbox } from '../services/team/sync';
import { record } from '../services/audit/log';
import { setTeamPerson } from '../services/identity';
import { createSnapshot } from '../services/snapshots';
import { whenWritable } from '../services/context';
import { LEASES_RELEASED_SNAPSHOT } from '../../shared/team/views';
import { StoreError } from '../store/errors';
import { TeamClient } from './client';
import { loadCredentials, saveCredentials, type CredentialsKept } from './credentials';
import { LeaseKeeper, type LeaseAnswer, type OthersLease } from './lease-keeper';
import { TeamLive } from './live';
import { TeamSync, waitingToGoUp, type TeamChange, type TeamStatus } from './sync-loop';

/** How long a window's question "anything new?" waits before it is answered with nothing new. */
const WATCH_MS = 25_000;

/** What a draft's editor shows of team mode: whether it is on a server, who holds which provision, and when its text last changed from the server. */
export interface TeamDraftView {
  linked: boolean;
  /** Leases others hold (the editor keeps those provisions read-only and names the holder). */
  leases: OthersLease[];
  /** The provisions this desktop holds. */
  mine: string[];
  /** The change counter when the draft's text last changed from the server (reopen it when this moves). */
  changed: number;
  /** The change counter when others last decided or commented on its package (the review panel reads again when this moves). */
  reviewed: number;
}

/** What the app shows of team mode (Settings → Team server, the title bar). */
export interface TeamView {
  connected: boolean;
  url: string | null;
  user: { name: string; role: string } | null;
  state: TeamStatus['state'] | 'off';
  queue: number;
  /** The sync loop's last refusal, or the conflicts waiting in the drafts on the server (where the notice leads). */
  notice: TeamStatus['notice'] | { kind: 'conflicts'; count: number; packageId: string; versionId: string };
  /** Where the token is kept: 'file' where the system has no keychain (said in the settings). */
  kept: CredentialsKept | null;
  /** The change counter (TeamLive): a window asks for what changed after it. */
  seq: number;
  /** How many times packages arrived from the server (the library lists them again when it moves). */
  joined: number;
}

/**
 * Team mode in the main process: the server's address and the person's token (kept with the
 * keychain: credentials.ts), the sync loop while connected (sync-loop.ts), and the commands the
 * app's handlers call. Connecting checks the address and token with the server before keeping them.
 */
export class TeamHost {
  private client: TeamClient | null = null;
  private sync: TeamSync | null = null;
  private user: { name: string; role: string } | null = null;
  private kept: CredentialsKept | null = null;
  private userId: string | null = null;
  private leases: LeaseKeeper | null = null;
  private readonly loaded = new Set<string>();
  /** What changed, for the windows to hear of. */
  readonly live = new TeamLive();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly options: { userData: string; keychain: KeychainLike | null; device: string; log(message: string, error?: unknown): void },
  ) {}

  /** Resumes with the credentials kept, if any (no network call before the loop's own). */
  start(): void {
    const { credentials, kept, problem } = loadCredentials(this.options.userData, this.options.keychain);
    if (problem) this.options.log(`team mode is off: ${problem}`);
    if (!credentials) return;
    this.kept = kept;
    const client = new TeamClient(credentials.url, credentials.token, this.options.device);
    this.run(client);
    // Who the token is of, for the title bar and to tell this desktop's leases from others'.
    void client.me().then((me) => {
      if (this.client !== client) return;
      this.user = { name: me.name, role: me.role };
      this.userId = me.id;
      this.live.bump();
      return this.rememberPerson(me);
    }, () => undefined).catch((error: unknown) => this.options.log('the name on the team server was not kept', error));
  }

  /** Checks an address and a token with the server, keeps them, and starts keeping in step with it. */
  async connect(url: string, token: string): Promise<TeamView> {
    const client = new TeamClient(url.replace(/\/+$/, ''), token, this.options.device);
    let me;
    try {
      me = await client.me();
    } catch (error) {
      throw this.refusal(error);
    }
    this.kept = saveCredentials(this.options.userData, this.options.keychain, { url: client.url, token });
    this.user = { name: me.name, role: me.role };
    this.userId = me.id;
    await this.rememberPerson(me);
    await this.sync?.stop();
    await this.leases?.stop();
    this.run(client);
    this.live.bump();
    return this.view();
  }

  /** Publishes a package to the server this desktop is connected to. */
  async publish(packageId: string, members: readonly string[]): Promise<TeamView> {
    const client = this.requireClient();
    try {
      await publishToTeam(this.ctx, client, packageId, members);
    } catch (error) {
      throw this.refusal(error);
    }
    this.sync?.poke();
    return this.view();
  }

  /**
   * Review decisions on a package on the team server (decisions.ts), one amendment after another
   * — a later rejection of a batch may rest on the wording an earlier one restored — each saved
   * here by `save` as soon as the server made it (a rejection with the changes the server applied,
   * for rejectAsTeam; the batch's rejections under one operation id, so one restore takes them
   * back). All of it between the sync loop's rounds, so the server's own announcement of the
   * restored wording is not pulled in before the rejection is recorded. Refused midway, the ones
   * before stand, here as there. An amendment an earlier rejection of the batch took away (a unit
   * inside an inserted one) is skipped. Null when the package is not on the server (the caller
   * decides locally).
   */
  async review(
    input: { packageId: string; uids: readonly string[]; decision: TeamDecision },
    save: (made: { uid: string; rejection: TeamRejection | null; operationId: string | undefined }) => Promise<unknown>,
  ): Promise<{ rejectionId: string | null } | null> {
    if (!this.ctx.store.team.linkOf(input.packageId)) return null;
    const client = this.requireClient();
    const operationId = input.decision === 'reject' ? this.ctx.newId() : undefined;
    const decideAll = async () => {
      let made = 0;
      for (const uid of new Set(input.uids)) {
        let rejection;
        try {
          rejection = await decideOnTeam(this.ctx, client, { packageId: input.packageId, uid, decision: input.decision });
        } catch (error) {
          if (made > 0 && error instanceof StoreError && error.key === 'amendment.notFound') continue;
          throw error;
        }
        await save({ uid, rejection, operationId });
        made += 1;
      }
    };
    if (this.sync) await this.sync.between(decideAll);
    else await decideAll();
    this.sync?.poke();
    return { rejectionId: operationId ?? null };
  }

  /**
   * The owner moves a draft on the server onto a later text in force of its law in this library,
   * for the whole team (team/rebase.ts): between the sync loop's rounds, what waits to go up from
   * here pushed first (it was written on the text the draft was on). The windows hear that the
   * draft's text and its amendments changed.
   */
  async moveDraft(versionId: string, onto: string): Promise<TeamMoveOutcome> {
    const client = this.requireClient();
    if (!this.isLinked(versionId)) throw this.notConnected();
    const move = async () => {
      await pushOutbox(this.ctx, client, this.options.device);
      return moveTeamDraft(this.ctx, client, { versionId, onto });
    };
    let outcome;
    try {
      outcome = this.sync ? await this.sync.between(move) : await move();
    } catch (error) {
      throw this.refusal(error);
    }
    const packageId = this.ctx.store.versions.get(versionId)?.packageId;
    this.live.draftChanged(versionId);
    if (packageId) this.live.packageReviewed(packageId);
    return outcome;
  }

  /** An owner frees every lease of a draft (someone left with provisions held); how many there were. */
  async releaseAllLeases(versionId: string): Promise<number> {
    const client = this.requireClient();
    if (!this.isLinked(versionId)) throw this.notConnected();
    try {
      return await client.releaseAllLeases(versionId);
    } catch (error) {
      throw this.refusal(error);
    }
  }

  /**
   * An owner released a lease this desktop held: what it has saved of that provision and not yet
   * pushed is kept as a snapshot of the package first (it still goes up, and meets the others'
   * wording as a conflict if they change it first), so nothing the drafter wrote is lost. (Named in
   * the interface's default language; the list shows its date and time beside.)
   */
  private async keepTakenAway(versionId: string, uid: string): Promise<void> {
    const packageId = this.ctx.store.versions.get(versionId)?.packageId;
    if (!packageId || !this.ctx.store.team.pendingUids(versionId).has(uid)) return;
    try {
      await whenWritable(this.ctx, () => createSnapshot(this.ctx, packageId, LEASES_RELEASED_SNAPSHOT, this.user?.name ?? this.options.device));
    } catch (error) {
      this.options.log('the text held under a released lease was not kept as a snapshot', error);
    }
  }

  /** The drafter typed in a provision of a draft on the server: its lease (see LeaseKeeper). */
  async takeLease(versionId: string, uid: string): Promise<LeaseAnswer | { state: 'not-linked' }> {
    if (!this.leases || !this.isLinked(versionId)) return { state: 'not-linked' };
    try {
      return await this.leases.take(versionId, uid);
    } catch (error) {
      throw this.refusal(error);
    }
  }

  /** The drafter left a draft: its leases whose changes are pushed go back. */
  async leaveDraft(versionId: string): Promise<void> {
    await this.leases?.leaveDraft(versionId);
  }

  /** What a draft's editor shows; the first time a draft is asked about on a connection, the leases are read from the server. */
  async draft(versionId: string): Promise<TeamDraftView> {
    const linked = this.isLinked(versionId);
    if (linked && this.leases && !this.loaded.has(versionId)) {
      this.loaded.add(versionId);
      await this.leases.load(versionId);
    }
    const packageId = this.ctx.store.versions.get(versionId)?.packageId;
    return { linked, leases: linked ? (this.leases?.othersOn(versionId) ?? []) : [], mine: this.leases?.mineOn(versionId) ?? [], changed: this.live.draftSeq(versionId), reviewed: packageId ? this.live.reviewSeq(packageId) : 0 };
  }

  /** Answers once something changed after `since` (or after a while with nothing new). */
  async watch(since: number): Promise<TeamView> {
    await this.live.wait(since, WATCH_MS);
    return this.view();
  }

  /** The people of the team a package may be shared with (not this desktop's own person). */
  async people(): Promise<{ id: string; name: string; role: string }[]> {
    const client = this.requireClient();
    try {
      return (await client.people()).filter((p) => p.id !== this.userId);
    } catch (error) {
      throw this.refusal(error);
    }
  }

  /**
   * Who a package on the server is shared with, and the others of the team it could be: for its
   * publisher or an owner (the server refuses anyone else).
   */
  async members(packageId: string): Promise<{ id: string; name: string; role: string; member: boolean }[]> {
    const client = this.requireClient();
    if (!this.ctx.store.team.linkOf(packageId)) throw new StoreError('INVALID_INPUT', 'This package is not on a team server.', 'team.notLinked');
    try {
      const [members, people] = await Promise.all([client.members(packageId), client.people()]);
      const on = new Set(members.map((m) => m.id));
      return [...members, ...people.filter((p) => !on.has(p.id))].filter((p) => p.id !== this.userId).map((p) => ({ id: p.id, name: p.name, role: p.role, member: on.has(p.id) }));
    } catch (error) {
      throw this.membersRefusal(error);
    }
  }

  /** Shares a package on the server with more people or fewer (its publisher or an owner), logged here too; who it is shared with now. */
  async changeMembers(packageId: string, add: readonly string[], remove: readonly string[]): Promise<{ id: string; name: string; role: string; member: boolean }[]> {
    const client = this.requireClient();
    if (!this.ctx.store.team.linkOf(packageId)) throw new StoreError('INVALID_INPUT', 'This package is not on a team server.', 'team.notLinked');
    try {
      await client.changeMembers(packageId, { add: [...add], remove: [...remove] });
    } catch (error) {
      throw this.membersRefusal(error);
    }
    await whenWritable(this.ctx, () => record(this.ctx, packageId, null, 'team-members', { added: [...add], removed: [...remove] }));
    return this.members(packageId);
  }

  private membersRefusal(error: unknown): Error {
    if (error instanceof TeamRefused && error.code === 'FORBIDDEN') return new StoreError('INVALID_INPUT', error.message, 'team.membersByPublisher');
    return this.refusal(error);
  }

  /** Something was saved: push it. */
  poke(): void {
    this.sync?.poke();
  }

  /** What the app shows. */
  view(): TeamView {
    const status = this.sync?.status();
    // Conflicts stay to be chosen on until they are: said from the store, not from the last round.
    const notice = status?.notice ?? this.openConflicts();
    return { connected: this.client !== null, url: this.client?.url ?? null, user: this.user, state: status?.state ?? 'off', queue: status?.queue ?? waitingToGoUp(this.ctx), notice, kept: this.kept, seq: this.live.seq, joined: this.live.joined };
  }

  /** Stops the loop (the app is quitting); what waits stays in the outbox. */
  async stop(): Promise<void> {
    this.live.close();
    await this.sync?.stop();
    await this.leases?.stop().catch((error: unknown) => this.options.log('leases were not given back', error));
  }

  private run(client: TeamClient): void {
    this.client = client;
    this.loaded.clear();
    this.leases = new LeaseKeeper(this.ctx, client, () => (this.userId ? { id: this.userId, device: this.options.device } : null), () => this.live.bump(), Date.now, (versionId, uid) => void this.keepTakenAway(versionId, uid));
    this.leases.start();
    const onStatus = (status: TeamStatus) => {
      // Away from the server: the leases are read again when it is back.
      if (status.state === 'offline') this.loaded.clear();
      // A round pushed what was waiting: the provisions moved on from are given back.
      if (status.state === 'online') void this.leases?.settle().catch((error: unknown) => this.options.log('leases were not given back', error));
      this.live.bump();
    };
    this.sync = new TeamSync(this.ctx, client, this.options.device, onStatus, this.options.log, (change) => this.onChange(change));
    this.sync.start();
  }

  private onChange(change: TeamChange): void {
    if (change.kind === 'draft') this.live.draftChanged(change.versionId);
    else if (change.kind === 'joined') this.live.packagesJoined();
    else if (change.kind === 'reviewed') this.live.packageReviewed(change.packageId);
    else if (change.event.kind === 'lease') this.leases?.onLeaseEvent(change.event.versionId, change.event.uid, change.event.holder, change.event.expiresAt);
    else this.live.packageReviewed(change.event.packageId);
  }

  /** The conflicts waiting in the drafts on the server, with the first draft that has any (where the notice leads). */
  private openConflicts(): TeamView['notice'] {
    if (!this.ctx.store.isOpen()) return null;
    let count = 0;
    let first: { packageId: string; versionId: string } | null = null;
    for (const versionId of this.ctx.store.team.linkedDrafts()) {
      const open = this.ctx.store.conflicts.forVersion(versionId).length;
      if (open > 0 && !first) first = { packageId: this.ctx.store.versions.get(versionId)?.packageId ?? '', versionId };
      count += open;
    }
    return first ? { kind: 'conflicts', count, ...first } : null;
  }

  /** The connection to the server, or the refusal a command gets before the desktop is connected. */
  private requireClient(): TeamClient {
    if (!this.client) throw this.notConnected();
    return this.client;
  }

  private notConnected(): StoreError {
    return new StoreError('NOT_READY', 'Connect to a team server first (Settings → Team server).', 'team.notConnected');
  }

  /** Keeps the person on the server: changes to the team's packages made here are signed with their name, as the others sign them, and their comments known by id. */
  private async rememberPerson(person: { id: string; name: string }): Promise<void> {
    await whenWritable(this.ctx, () => setTeamPerson(this.ctx, person));
  }

  private isLinked(versionId: string): boolean {
    const packageId = this.ctx.store.versions.get(versionId)?.packageId;
    return !!packageId && !!this.ctx.store.team.linkOf(packageId);
  }

  /** A network or server refusal as the app's own error, with a message id the interface translates. */
  private refusal(error: unknown): Error {
    if (error instanceof TeamUnreachable) return new StoreError('NOT_READY', error.message, 'team.unreachable');
    // Another version of the team protocol: the older side is to be updated (the server says which).
    if (error instanceof TeamRefused && error.code === 'UPGRADE') return new StoreError('NOT_READY', error.message, Number(error.detail['server']) > Number(error.detail['desktop']) ? 'team.appTooOld' : 'team.serverTooOld', { code: error.code });
    if (error instanceof TeamRefused) return new StoreError('INVALID_INPUT', error.message, 'team.refused', { code: error.code });
    return error as Error;
  }
}
