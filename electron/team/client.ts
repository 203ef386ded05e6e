import { z } from 'zod';
import { decisionReplySchema, leaseSchema, PROTOCOL_HEADER, TEAM_PROTOCOL, rebaseReplySchema, type RebaseReply, type RebaseRequest, standingDecisionSchema, pulledDraftSchema, pushReplySchema, teamEventSchema, serverCommentSchema, teamPackageSchema, teamPersonSchema, type CommentRequest, type DecisionReply, type MembersRequest, type DecisionRequest, type ServerComment, type StandingDecision, type Lease, type TeamPerson, type PublishRequest, type PullSince, type PulledDraft, type PushReply, type PushRequest, type TeamEvent, type TeamPackageListed } from '../../shared/team/contract';
import { TeamRefused, TeamUnreachable, type TeamApi } from '../services/team/api';

/** How long a call waits for the server before it counts as unreachable. */
const TIMEOUT_MS = 15_000;

/**
 * The desktop's calls to a team server over HTTP(S), with the person's token and this device's
 * name. What the server answers is validated against the contract before it is used; a server
 * that cannot be reached (or answers 5xx) is TeamUnreachable — the caller keeps its work and tries
 * again — and a refusal is TeamRefused with the server's code and message.
 */
export class TeamClient implements TeamApi {
  constructor(
    readonly url: string,
    private readonly token: string,
    private readonly device: string,
  ) {}

  publish(request: PublishRequest): Promise<{ revisions: Record<string, Record<string, number>> }> {
    return this.call('POST', '/v1/packages', request) as Promise<{ revisions: Record<string, Record<string, number>> }>;
  }

  async push(request: PushRequest): Promise<PushReply> {
    return pushReplySchema.parse(await this.call('POST', '/v1/push', request, [409, 423]));
  }

  /** The person the token belongs to (a check that the address and the token work). */
  async me(): Promise<{ id: string; name: string; role: string }> {
    const me = (await this.call('GET', '/v1/me', undefined)) as { id?: unknown; name?: unknown; role?: unknown } | null;
    if (!me || typeof me.id !== 'string' || typeof me.name !== 'string' || typeof me.role !== 'string') throw new TeamUnreachable(`${this.url} does not answer as a Zan team server.`);
    return { id: me.id, name: me.name, role: me.role };
  }

  async pull(versionId: string, from?: PullSince): Promise<PulledDraft> {
    const query = from ? `?${new URLSearchParams({ since: String(from.since), base: from.base }).toString()}` : '';
    return pulledDraftSchema.parse(await this.call('GET', `/v1/drafts/${encodeURIComponent(versionId)}${query}`, undefined));
  }

  async packages(): Promise<TeamPackageListed[]> {
    return z.array(teamPackageSchema).parse(await this.call('GET', '/v1/packages', undefined));
  }

  /** The people of the team (for a package's members). */
  async people(): Promise<TeamPerson[]> {
    return z.array(teamPersonSchema).parse(await this.call('GET', '/v1/users', undefined));
  }

  /** Who a package is shared with (for its publisher or an owner). */
  async members(packageId: string): Promise<TeamPerson[]> {
    return z.array(teamPersonSchema).parse(await this.call('GET', `/v1/packages/${encodeURIComponent(packageId)}/members`, undefined));
  }

  /** Shares a package with more people or fewer (its publisher or an owner); who it is shared with now. */
  async changeMembers(packageId: string, request: MembersRequest): Promise<TeamPerson[]> {
    return z.array(teamPersonSchema).parse(await this.call('POST', `/v1/packages/${encodeURIComponent(packageId)}/members`, request));
  }

  async rebase(versionId: string, request: RebaseRequest): Promise<RebaseReply> {
    return rebaseReplySchema.parse(await this.call('POST', `/v1/drafts/${encodeURIComponent(versionId)}/rebase`, request, [423]));
  }

  async decide(request: DecisionRequest): Promise<DecisionReply> {
    return decisionReplySchema.parse(await this.call('POST', '/v1/decisions', request));
  }

  async comment(request: CommentRequest): Promise<void> {
    await this.call('POST', '/v1/comments', request);
  }

  async packageComments(packageId: string): Promise<ServerComment[]> {
    return z.array(serverCommentSchema).parse(await this.call('GET', `/v1/packages/${encodeURIComponent(packageId)}/comments`, undefined));
  }

  async decisions(versionId: string): Promise<StandingDecision[]> {
    return z.array(standingDecisionSchema).parse(await this.call('GET', `/v1/drafts/${encodeURIComponent(versionId)}/decisions`, undefined));
  }

  async comments(packageId: string, uid: string): Promise<ServerComment[]> {
    return z.array(serverCommentSchema).parse(await this.call('GET', `/v1/packages/${encodeURIComponent(packageId)}/comments/${encodeURIComponent(uid)}`, undefined));
  }

  async releaseAllLeases(versionId: string): Promise<number> {
    const reply = (await this.call('POST', `/v1/drafts/${encodeURIComponent(versionId)}/release-leases`, {})) as { released?: unknown } | null;
    return typeof reply?.released === 'number' ? reply.released : 0;
  }

  async takeLease(versionId: string, uid: string): Promise<Lease> {
    return leaseSchema.parse(await this.call('POST', '/v1/leases', { versionId, uid, device: this.device }));
  }

  async releaseLease(versionId: string, uid: string): Promise<void> {
    await this.call('DELETE', '/v1/leases', { versionId, uid, device: this.device });
  }

  async leases(versionId: string): Promise<Lease[]> {
    return z.array(leaseSchema).parse(await this.call('GET', `/v1/drafts/${encodeURIComponent(versionId)}/leases`, undefined));
  }

  /**
   * Listens to the server's events for this person's packages until the stream ends or `signal`
   * aborts; each event is validated before it is handed on (one that is not is skipped).
   */
  async listen(onEvent: (event: TeamEvent) => void, signal: AbortSignal): Promise<void> {
    let response: Response;
    try {
      response = await fetch(`${this.url}/v1/events`, { headers: { authorization: `Bearer ${this.token}`, 'x-zan-device': this.device, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL) }, signal });
    } catch (error) {
      throw new TeamUnreachable(`The team server at ${this.url} cannot be reached (${(error as Error).message}).`);
    }
    if (response.status === 426) throw await refusalOf(response);
    if (!response.ok || !response.body) throw response.status === 401 || response.status === 403 ? new TeamRefused('UNAUTHORIZED', 'The team server does not accept this token.') : new TeamUnreachable(`The team server answered ${response.status}.`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
        buffer = buffer.slice(end + 2);
        if (!data) continue;
        const parsed = teamEventSchema.safeParse(JSON.parse(data));
        if (parsed.success) onEvent(parsed.data);
      }
    }
  }

  private async call(method: string, path: string, body: unknown, answers: readonly number[] = []): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, 'x-zan-device': this.device, [PROTOCOL_HEADER]: String(TEAM_PROTOCOL), 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new TeamUnreachable(`The team server at ${this.url} cannot be reached (${(error as Error).message}).`);
    }
    if (response.status >= 500) throw new TeamUnreachable(`The team server at ${this.url} answered ${response.status}.`);
    if (response.ok || answers.includes(response.status)) return response.json().catch(() => null);
    throw await refusalOf(response);
  }
}

/** A refusal as the server words it (its code, message and detail), or by its HTTP status when it does not. */
async function refusalOf(response: Response): Promise<TeamRefused> {
  const json = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; detail?: Record<string, unknown> } } | null;
  return new TeamRefused(json?.error?.code ?? `HTTP_${response.status}`, json?.error?.message ?? `The team server refused the request (${response.status}).`, json?.error?.detail ?? {});
}
