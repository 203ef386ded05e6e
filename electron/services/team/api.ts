import type { CommentRequest, DecisionReply, DecisionRequest, Lease, PublishRequest, PullSince, PulledDraft, PushReply, PushRequest, RebaseReply, RebaseRequest, ServerComment, StandingDecision, TeamPackageListed } from '../../../shared/team/contract';

/**
 * What the desktop's team services need of the server (electron/team/client.ts over HTTP; the
 * contract is shared/team/contract.ts). A call that cannot reach the server rejects with
 * TeamUnreachable; a refusal rejects with TeamRefused (its code and message).
 */
export interface TeamApi {
  readonly url: string;
  publish(request: PublishRequest): Promise<{ revisions: Record<string, Record<string, number>> }>;
  push(request: PushRequest): Promise<PushReply>;
  /** A draft's provisions as the server has them: all, or (`from`) those changed since the revision a last pull reached. */
  pull(versionId: string, from?: PullSince): Promise<PulledDraft>;
  /** The packages this person is a member of. */
  packages(): Promise<TeamPackageListed[]>;
  /** Takes (or renews) the lease of a provision for this device; refused (TeamRefused 'LEASED') while another holds it. */
  takeLease(versionId: string, uid: string): Promise<Lease>;
  /** Gives a lease of this device back. */
  releaseLease(versionId: string, uid: string): Promise<void>;
  /** The leases held now on a draft. */
  leases(versionId: string): Promise<Lease[]>;
  /** An owner frees every lease of a draft; how many there were. */
  releaseAllLeases(versionId: string): Promise<number>;
  /** A review decision on the exact revision read (a rejection with its changes); refused (TeamRefused 'STALE') when it is no longer current. */
  decide(request: DecisionRequest): Promise<DecisionReply>;
  /** Adds a comment (taken once per id). */
  comment(request: CommentRequest): Promise<void>;
  /** A provision's comments as they stand on the server. */
  comments(packageId: string, uid: string): Promise<ServerComment[]>;
  /** Every comment of a package as it stands on the server (a catch-up after an absence). */
  packageComments(packageId: string): Promise<ServerComment[]>;
  /** The decisions standing on a draft's provisions. */
  decisions(versionId: string): Promise<StandingDecision[]>;
  /** An owner moves a draft onto a later text of the law, for the whole team (answered 'leased' while someone holds a provision it changes). */
  rebase(versionId: string, request: RebaseRequest): Promise<RebaseReply>;
}

/** The server could not be reached (offline, stopped, a proxy down): try again later, nothing is lost. */
export class TeamUnreachable extends Error {}

/** The server refused a request, with its code (UNAUTHORIZED, FORBIDDEN, NOT_FOUND, INVALID…). */
export class TeamRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** What the server added (for LEASED: the holder and until when). */
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
