import type { KeychainLike } from '../services/audit/install-key';
import type { ServiceContext } from '../services/context';
import { TeamRefused, TeamUnreachable } from '../services/team/api';
import { publishToTeam } from '../services/team/publish';
import { StoreError } from '../store/errors';
import { TeamClient } from './client';
import { loadCredentials, saveCredentials, type CredentialsKept } from './credentials';
import { TeamSync, type TeamStatus } from './sync-loop';

/** What the app shows of team mode (Settings → Team server, the title bar). */
export interface TeamView {
  connected: boolean;
  url: string | null;
  user: { name: string; role: string } | null;
  state: TeamStatus['state'] | 'off';
  queue: number;
  notice: TeamStatus['notice'];
  /** Where the token is kept: 'file' where the system has no keychain (said in the settings). */
  kept: CredentialsKept | null;
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
    this.run(new TeamClient(credentials.url, credentials.token, this.options.device));
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
    await this.sync?.stop();
    this.run(client);
    return this.view();
  }

  /** Publishes a package to the server this desktop is connected to. */
  async publish(packageId: string, members: readonly string[]): Promise<TeamView> {
    if (!this.client) throw new StoreError('NOT_READY', 'Connect to a team server first (Settings → Team server).', 'team.notConnected');
    try {
      await publishToTeam(this.ctx, this.client, packageId, members);
    } catch (error) {
      throw this.refusal(error);
    }
    this.sync?.poke();
    return this.view();
  }

  /** Something was saved: push it. */
  poke(): void {
    this.sync?.poke();
  }

  /** What the app shows. */
  view(): TeamView {
    const status = this.sync?.status();
    return { connected: this.client !== null, url: this.client?.url ?? null, user: this.user, state: status?.state ?? 'off', queue: status?.queue ?? this.ctx.store.team.outbox().length, notice: status?.notice ?? null, kept: this.kept };
  }

  /** Stops the loop (the app is quitting); what waits stays in the outbox. */
  async stop(): Promise<void> {
    await this.sync?.stop();
  }

  private run(client: TeamClient): void {
    this.client = client;
    this.sync = new TeamSync(this.ctx, client, this.options.device, undefined, this.options.log);
    this.sync.start();
  }

  /** A network or server refusal as the app's own error, with a message id the interface translates. */
  private refusal(error: unknown): Error {
    if (error instanceof TeamUnreachable) return new StoreError('NOT_READY', error.message, 'team.unreachable');
    if (error instanceof TeamRefused) return new StoreError('INVALID_INPUT', error.message, 'team.refused', { code: error.code });
    return error as Error;
  }
}
