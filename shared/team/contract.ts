import { z } from 'zod';
import { provisionRowSchema } from '../ipc';
import { provisionJSONSchema } from '../law/json';
import { PROVISION_KINDS } from '../law/kinds';
import type { ProvisionKind } from '../law/kinds';
import { isWellFormedText } from '../text/well-formed';

/**
 * The team service's contract (server/, issue 17): what a desktop sends it over HTTP and what it
 * answers, as zod schemas both sides validate against. Keys are text ids (the desktop's own, or
 * UUIDs), one row per provision, revisions assigned by the server: a hosted sync engine could
 * replace this protocol later without changing the data's shape.
 */

const str = () => z.string().refine(isWellFormedText, { message: 'not well-formed text (a lone surrogate or a NUL character)' });
const id = z.string().regex(/^[0-9A-Za-z_-]{8,64}$/, 'not an id');
const revision = z.number().int().min(1);
/** A moment as the desktop and the server write it (ISO 8601, UTC). */
export const momentSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, 'not a moment (ISO 8601, UTC)');

/** The roles of a team: an owner runs it (users, leases), a drafter edits, a reviewer decides and comments, a reader reads. */
export const TEAM_ROLES = ['owner', 'drafter', 'reviewer', 'reader'] as const;

/**
 * The version of this contract, raised whenever a request or an answer changes so that a build of
 * the other side would misread it (the schemas here are strict). A desktop names it with every
 * request (the header X-Zan-Protocol); a server speaking another refuses the request (426
 * UPGRADE, with both versions), so that a ministry upgrading its server before its desktops — or
 * the other way round — gets "update the app" or "update the server", never an answer misread.
 */
export const TEAM_PROTOCOL = 4;

/** The header a desktop names the contract's version in. */
export const PROTOCOL_HEADER = 'x-zan-protocol';
/** A role of the team. */
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Which law a published text is of, so that a desktop joining the package files it under the same law it has (matched by slug). */
export const publishedWorkSchema = z.object({ slug: str().min(1).max(200), kind: z.enum(['law', 'code']), date: str().max(40).nullable(), number: str().max(200).nullable() }).strict();

/** A law's text a draft is made on, as published with the package (the provisions in force). */
export const publishedBaseSchema = z.object({ versionId: id, title: str().max(1000), inForceFrom: str().max(40).nullable(), work: publishedWorkSchema.optional(), rows: z.array(provisionRowSchema).max(200_000) }).strict();

/**
 * A package as a desktop publishes it: its drafts, each with the law it amends, its rows as they
 * stand, and when the changes already in them were made (`madeAt`, by unit: their amendments' times).
 */
export const publishRequestSchema = z
  .object({
    packageId: id,
    title: str().min(1).max(1000),
    drafts: z.array(z.object({ versionId: id, lang: z.enum(['ru', 'kk', 'en']), title: str().max(1000), base: publishedBaseSchema, rows: z.array(provisionRowSchema).max(200_000), madeAt: z.record(id, momentSchema).optional() }).strict()).min(1).max(20),
    members: z.array(id).max(500).default([]),
  })
  .strict();

/** The most changes one push carries (a bigger save goes up as several, in order). */
export const MAX_PUSH_CHANGES = 50_000;

/**
 * One provision's change in a push: the revision it was made on (null: a provision new to the
 * server), its row after (null: deleted), and when the drafter made it (their save; the server's
 * time when absent, or when it is later than the server's).
 */
export const pushChangeSchema = z.object({ uid: id, baseRevision: revision.nullable(), row: provisionRowSchema.nullable(), madeAt: momentSchema.optional() }).strict();

/**
 * A push: changes to one draft, under an id the desktop chose for this push (so a push retried
 * after a lost answer is applied once), from one device.
 */
export const pushRequestSchema = z.object({ opId: id, versionId: id, device: str().min(1).max(200), changes: z.array(pushChangeSchema).min(1).max(MAX_PUSH_CHANGES) }).strict();

/**
 * What a provision is on the server now: its revision and row (null: deleted), for a desktop to
 * rebase on, and who made that revision and when (absent in an answer the server kept from before
 * it said).
 */
export const currentProvisionSchema = z.object({ uid: id, revision, row: provisionRowSchema.nullable(), by: str().optional(), at: momentSchema.optional() }).strict();

/** A push's answer: applied (each provision's new revision), or refused whole with why. */
export const pushReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('applied'), revisions: z.record(id, revision), seq: z.number().int() }).strict(),
  // 409: made on a revision that is no longer current; the provisions as they are now.
  z.object({ status: z.literal('stale'), current: z.array(currentProvisionSchema) }).strict(),
  // 423: another person holds the lease of a provision (or of its parent, for a structural change).
  z.object({ status: z.literal('leased'), uid: id, holder: str(), expiresAt: str() }).strict(),
]);

/** A lease asked for, renewed or given back. */
export const leaseRequestSchema = z.object({ versionId: id, uid: id, device: str().min(1).max(200) }).strict();

/** Who holds a lease and until when. */
export const leaseSchema = z.object({ versionId: id, uid: id, holder: str(), userId: id, device: str(), expiresAt: str() }).strict();

/**
 * A review decision on one provision at the exact revision the reviewer saw. A rejection brings
 * the changes that put the wording in force back (`changes`, as a push's, each on the revision it
 * was read at): the server applies them with the decision, in one transaction — reviewers do not
 * push otherwise.
 */
export const decisionRequestSchema = z.object({ packageId: id, versionId: id, uid: id, revision, decision: z.enum(['accept', 'reject', 'reset']), changes: z.array(pushChangeSchema).min(1).max(MAX_PUSH_CHANGES).optional() }).strict();

/** The last decision on a provision, with the revision it was made on, the one it stands on and who made it; `lapsed` when the provision changed after that (it is proposed again). */
export const standingDecisionSchema = z.object({ uid: id, revision, decision: z.enum(['accept', 'reject', 'reset']), by: str(), standsOn: revision.optional(), lapsed: z.boolean().optional() }).strict();

/** A decision's answer: its place in the server's order, and the revisions a rejection's changes got (by provision). */
export const decisionReplySchema = z.object({ seq: z.number().int(), revisions: z.record(id, revision) }).strict();

/**
 * A comment: new, a new version of an earlier one (`supersedes`), or its deletion (`deleted`, a
 * tombstone): comments are never changed or removed on the server.
 */
export const commentRequestSchema = z.object({ id, packageId: id, uid: id, parentId: id.nullable(), supersedes: id.nullable(), text: str().max(20_000), deleted: z.boolean() }).strict();

/** A person of the team, as a publisher chooses a package's members. */
export const teamPersonSchema = z.object({ id, name: str(), role: z.enum(TEAM_ROLES) }).strict();

/** A package as a member sees it listed on the server (GET /v1/packages): what a desktop joins. */
/** A change of whom a package is shared with, after it was published: people (server ids) added and removed. */
export const membersRequestSchema = z.object({ add: z.array(id).max(500), remove: z.array(id).max(500) }).strict();

export const teamPackageSchema = z.object({ id, title: str().max(1000), publishedBy: str(), drafts: z.array(z.object({ versionId: id, lang: z.enum(['ru', 'kk', 'en']), title: str().max(1000) }).strict()).max(20) }).strict();

/**
 * A provision's comment as the server gives it: its line (`id`: its first comment's) at its latest
 * version (`version`: that version's id, and when it was written; absent while never edited), or
 * its tombstone (`deleted`, text empty), with its author's name and id (`byId`: what tells a
 * namesake's comments from one's own, protocol 4) and when it was first written.
 */
export const serverCommentSchema = z.object({ id, uid: id, parentId: id.nullable(), text: str(), by: str(), byId: id, at: str(), version: id.optional(), editedAt: str().optional(), deleted: z.boolean().optional() }).strict();

/**
 * A change of base: the owner moves a draft onto a later text in force of the law it amends, for
 * the whole team. `base`: that text, its units carrying the uids of the units they continue in the
 * text the draft is on now (the desktop aligns them), under an id of its own. The server works the
 * three-way move out itself from its rows (the same code a desktop's import runs).
 */
export const rebaseRequestSchema = z.object({ base: publishedBaseSchema }).strict();

/** A unit's wording as a rebase conflict records it (before, in the new text, in the draft). */
const unitStateSchema = z.object({ uid: id, kind: z.enum(PROVISION_KINDS as [ProvisionKind, ...ProvisionKind[]]), num: str().max(64), heading: str().max(10_000), text: str().max(1_000_000), repealed: z.boolean(), notes: z.array(str().max(10_000)).max(100) }).strict();

/** A provision the move could not merge by itself (shared/amend/rebase.ts RebaseConflict): the new text's wording is in the draft, the drafter's is kept here to choose. */
export const rebaseConflictSchema = z
  .object({
    uid: id,
    label: str().max(1000),
    reason: z.enum(['both-changed', 'repealed-in-new-base', 'removed-in-new-base', 'no-place']),
    base: unitStateSchema.nullable(),
    theirs: unitStateSchema.nullable(),
    mine: unitStateSchema.nullable(),
    placement: z.object({ parentUid: id.nullable(), afterUid: id.nullable() }).strict().optional(),
    children: z.array(provisionJSONSchema).max(10_000).optional(),
    // The provision's revision as the move left it (a move from before protocol 3 has none): one
    // later means a drafter chose on it — kept the new law's wording (pushed again as it stands)
    // or their own — and the conflict is no longer asked anywhere.
    revision: revision.optional(),
  })
  .strict();

/** The last change of base of a draft on the server: who made it and when, from which text onto which, what moved by itself and what waits for a choice. */
export const teamRebaseSchema = z.object({ from: id, onto: id, inForceFrom: str().max(40).nullable(), by: str(), at: momentSchema, carried: z.number().int().min(0), conflicts: z.array(rebaseConflictSchema).max(200_000) }).strict();

/** A change of base's answer: applied (the revisions the draft's changed provisions got), or refused for a lease someone holds on one of them. */
export const rebaseReplySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('applied'), revisions: z.record(id, revision), seq: z.number().int(), carried: z.number().int(), conflicts: z.number().int() }).strict(),
  z.object({ status: z.literal('leased'), uid: id, holder: str(), expiresAt: str() }).strict(),
]);

/** A provision as pulled: as it is on the server now, with the name of the person who made that revision (the one its change is signed with). */
export const pulledProvisionSchema = currentProvisionSchema.extend({ by: str(), at: momentSchema }).strict();

/** The law a pulled draft stands on: its rows left out when the desktop said it has that text already (a pull's `base`). */
export const pulledBaseSchema = publishedBaseSchema.extend({ rows: publishedBaseSchema.shape.rows.optional() }).strict();

/**
 * A draft as the server has it: each provision's revision, row (null: deleted) and who made it —
 * all of them, or those changed after the revision a pull asked from (`since`). `upTo`: the
 * draft's highest revision the answer covers, to ask from next time (the server writes a draft's
 * revisions one change at a time, under the draft's lock, so none lower can commit after it).
 */
export const pulledDraftSchema = z.object({ packageId: id, base: pulledBaseSchema, provisions: z.array(pulledProvisionSchema), rebased: teamRebaseSchema.optional(), upTo: z.number().int().min(0).optional() }).strict();

/** What a pull asks from: the revision the last pull reached, and the law text the draft stands on here (its rows not sent again). */
export const pullSinceSchema = z.object({ since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER), base: id }).strict();

/** What the server pushes to a desktop (server-sent events): a change to something of a package it is a member of. */
export const teamEventSchema = z.discriminatedUnion('kind', [
  // `partial`: too many provisions for one notification (PostgreSQL's 8,000 bytes): `revisions` is empty, pull the draft.
  z.object({ kind: z.literal('push'), packageId: id, versionId: id, seq: z.number().int(), revisions: z.record(id, revision), partial: z.boolean(), by: str() }).strict(),
  z.object({ kind: z.literal('lease'), packageId: id, versionId: id, uid: id, holder: str().nullable(), expiresAt: str().nullable() }).strict(),
  // standsOn: the provision's revision the decision stands on (a rejection's restoration, else the one decided on).
  z.object({ kind: z.literal('decision'), packageId: id, versionId: id, uid: id, revision, decision: z.enum(['accept', 'reject', 'reset']), by: str(), standsOn: revision.optional() }).strict(),
  z.object({ kind: z.literal('comment'), packageId: id, uid: id, commentId: id, by: str() }).strict(),
  // A package was published with this person among its members: their desktop joins it.
  z.object({ kind: z.literal('package'), packageId: id, by: str() }).strict(),
  // The owner moved a draft onto a later text of the law (`onto`): every desktop pulls it.
  z.object({ kind: z.literal('rebase'), packageId: id, versionId: id, onto: id, inForceFrom: str().max(40).nullable(), by: str(), conflicts: z.number().int() }).strict(),
]);

/** A decision standing on a provision. */
export type StandingDecision = z.infer<typeof standingDecisionSchema>;
/** The server's answer to a decision. */
export type DecisionReply = z.infer<typeof decisionReplySchema>;
/** A provision's comment as the server gives it. */
export type ServerComment = z.infer<typeof serverCommentSchema>;
/** A person of the team. */
export type TeamPerson = z.infer<typeof teamPersonSchema>;
/** A change of a package's members. */
export type MembersRequest = z.infer<typeof membersRequestSchema>;
/** A package listed on the server. */
export type TeamPackageListed = z.infer<typeof teamPackageSchema>;
/** A request to publish a package. */
export type PublishRequest = z.infer<typeof publishRequestSchema>;
/** A draft pulled from the server. */
export type PulledDraft = z.infer<typeof pulledDraftSchema>;
/** What a pull asks from (pullSinceSchema). */
export type PullSince = z.infer<typeof pullSinceSchema>;
/** A push of changes to one draft. */
export type PushRequest = z.infer<typeof pushRequestSchema>;
/** One change of a push. */
export type PushChange = z.infer<typeof pushChangeSchema>;
/** The answer to a push. */
export type PushReply = z.infer<typeof pushReplySchema>;
/** A lease request. */
export type LeaseRequest = z.infer<typeof leaseRequestSchema>;
/** A lease held. */
export type Lease = z.infer<typeof leaseSchema>;
/** A review decision request. */
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;
/** A comment request. */
export type CommentRequest = z.infer<typeof commentRequestSchema>;
/** A change of base asked for. */
export type RebaseRequest = z.infer<typeof rebaseRequestSchema>;
/** The answer to a change of base. */
export type RebaseReply = z.infer<typeof rebaseReplySchema>;
/** The last change of base of a draft on the server. */
export type TeamRebase = z.infer<typeof teamRebaseSchema>;
/** An event the server pushes. */
export type TeamEvent = z.infer<typeof teamEventSchema>;
