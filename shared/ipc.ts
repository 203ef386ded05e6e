import { z } from 'zod';
import { packageParitySchema, parityFindingSchema } from './bilingual/contract';
import type { ChannelName } from './channels';
import { lawJSONSchema } from './law/json';
import { PROVISION_KINDS, type ProvisionKind } from './law/kinds';
import type { Reply } from './reply';
import { teamDraftSchema, teamViewSchema } from './team/views';
import { isWellFormedText } from './text/well-formed';

/**
 * The contract between the renderer and the main process: every channel with the schema of its
 * input and output. The main process registers one handler per entry (checked against this table
 * at compile time and at start), validates every payload against `input`; the preload exposes one
 * method per entry and nothing else.
 */

/**
 * Every string of the contract: well-formed text (no lone surrogate, no NUL: shared/text/well-formed.ts),
 * refused at the door with the field named rather than acknowledged and stored as something else.
 */
const str = () => z.string().refine(isWellFormedText, { message: 'not well-formed text (a lone surrogate or a NUL character)' });

const id = z.string().regex(/^[0-9a-z]{8,40}$/, 'not an id');
const lang = z.enum(['ru', 'kk', 'en']);
const isoTime = str().min(10).max(40);
/** The id the renderer gives a long call, to watch its progress and cancel it (workProgress, cancelWork). */
const jobId = z.string().regex(/^job[0-9a-z]{5,37}$/, 'not a job id');

/** The array schemas of the contract whose items may come by the tens of thousands, with their item schema and limit. */
const bulkArrays = new WeakMap<z.ZodType, { item: z.ZodType; max: number }>();

/**
 * An array a payload may carry by the tens of thousands (a save's rows): the main process
 * validates it a part at a time between other calls (electron/ipc/validate-in-steps.ts), the
 * same checks as `z.array(item).max(max)`, which it is.
 */
function bulkArray<T extends z.ZodType>(item: T, max: number) {
  const schema = z.array(item).max(max);
  bulkArrays.set(schema, { item, max });
  return schema;
}

/** The item schema and limit of an array declared with bulkArray, or null. */
export function bulkArrayOf(schema: z.ZodType): { item: z.ZodType; max: number } | null {
  return bulkArrays.get(schema) ?? null;
}

/** A provision row as sent by autosave (see shared/law/rows.ts). */
export const provisionRowSchema = z
  .object({
    uid: id,
    parentUid: id.nullable(),
    ord: z.number().int().min(0).max(1_000_000),
    kind: z.enum(PROVISION_KINDS as [ProvisionKind, ...ProvisionKind[]]),
    num: str().max(64),
    heading: str().max(10_000),
    text: str().max(1_000_000),
    repealed: z.boolean(),
    notes: z.array(str().max(10_000)).max(100),
  })
  .strict();

const expressionEntry = z.object({
  expressionId: id,
  lang,
  title: str(),
  versionId: id.nullable(),
  inForceFrom: str().nullable(),
});

/** One law of the library with its language texts in force. */
export const libraryEntrySchema = z.object({
  workId: id,
  slug: str(),
  kind: z.enum(['law', 'code']),
  date: str().nullable(),
  number: str().nullable(),
  illustrative: z.boolean(),
  modeledOn: str().nullable(),
  expressions: z.array(expressionEntry),
});

/** A package and the working drafts it holds, one per amended law text. */
export const packageSummarySchema = z.object({
  id,
  title: str(),
  status: z.enum(['draft', 'review', 'submitted', 'archived']),
  createdAt: isoTime,
  updatedAt: isoTime,
  drafts: z.array(
    z.object({ versionId: id, baseVersionId: id.nullable(), expressionId: id, lang, title: str(), workSlug: str(), revision: z.number().int() }),
  ),
});

/** A version opened for reading or editing. */
export const openedVersionSchema = z.object({
  versionId: id,
  status: z.enum(['in_force', 'draft']),
  revision: z.number().int(),
  updatedAt: isoTime,
  lang,
  title: str(),
  workSlug: str(),
  inForceFrom: str().nullable(),
  packageId: id.nullable(),
  packageTitle: str().nullable(),
  baseVersionId: id.nullable(),
  editable: z.boolean(),
  law: lawJSONSchema,
});

/**
 * A working draft opened with the text it amends, the law crossing the bridge once: the base in
 * full, the draft as the rows that differ from it (a draft of a 2 MB code that changed three
 * paragraphs is the code once and three rows).
 */
export const openedDraftSchema = z.object({
  version: openedVersionSchema.omit({ law: true }),
  base: lawJSONSchema,
  changes: z.object({ upserts: z.array(provisionRowSchema), deletes: z.array(id) }),
});

const run = z.object({ text: str(), bold: z.boolean() });

/** One row of the comparative table (shared/table/comparative.ts). */
export const comparativeRowSchema = z.object({
  no: z.number().int(),
  uid: str(),
  element: str(),
  current: z.array(z.array(run)),
  proposed: z.array(z.array(run)),
  justification: str(),
});

/** The amending law and the comparative table of a package in one language. */
export const packageDocumentsSchema = z.object({
  lang,
  languages: z.array(lang),
  title: str(),
  lawText: str(),
  table: z.array(comparativeRowSchema),
});

const texts = z.object({ ru: str(), kk: str(), en: str() });
const gapCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/);

/** A gap of the taxonomy as the UI sees it. */
export const gapSchema = z.object({ code: gapCode, names: texts, descriptions: texts, instrument: texts, retired: z.boolean(), ord: z.number().int() });

/** The coverage of a package (electron/services/gaps.ts). */
export const coverageSchema = z.object({
  amendments: z.array(
    z.object({ uid: str(), versionId: id, lang: str(), label: str(), kind: str(), gapCodes: z.array(str()), justification: str(), evidence: str(), status: z.enum(['proposed', 'accepted', 'rejected']), author: str().nullable(), changedAt: isoTime.nullable() }),
  ),
  perGap: z.array(z.object({ code: str(), count: z.number().int() })),
  matrix: z.array(z.object({ versionId: id, title: str(), lang: str(), counts: z.record(str(), z.number().int()) })),
  uncoveredGaps: z.array(str()),
  missing: z.array(z.object({ uid: str(), label: str(), noGap: z.boolean(), noJustification: z.boolean() })),
});
/** A reviewer's decision: approve ("accept"), reject, or take an approval back ("reset", to proposed). */
const reviewDecision = z.enum(['accept', 'reject', 'reset']);
/** What a review decision gives: the coverage after it, and the rejection's id to take it back (null for an approval). */
const reviewResult = z.object({ coverage: coverageSchema, rejectionId: id.nullable() });

/** One side of a comparison (electron/services/compare.ts). */
const compareSource = z.union([
  z.object({ type: z.literal('version'), versionId: id }).strict(),
  z.object({ type: z.literal('snapshot'), snapshotId: id, versionId: id }).strict(),
  z.object({ type: z.literal('text'), text: str().max(5_000_000), lang }).strict(),
]);

const empty = z.object({}).strict();

/** Words a drafter typed: real text (no lone surrogate), not blank. */
const phrase = str()
  .min(1)
  .max(500)
  .refine((s) => s.trim().length > 0, 'not text');
const throughoutResult = z.object({
  operationId: id,
  acts: z.array(z.object({ versionId: id, title: str(), units: z.number().int().min(0), count: z.number().int().min(0) })),
});

/** A calendar date, YYYY-MM-DD. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)')
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), 'not a calendar date');
const unitStateSchema = z.object({ uid: str(), kind: z.enum(PROVISION_KINDS as unknown as [ProvisionKind, ...ProvisionKind[]]), num: str(), heading: str(), text: str(), repealed: z.boolean(), notes: z.array(str()) });

/** What an import found in a file, before anything is saved. */
export const importPreviewSchema = z.object({
  importId: id,
  file: str(),
  format: z.enum(['text', 'html', 'docx', 'akn']),
  lang,
  title: str().nullable(),
  act: z.object({ kind: z.enum(['law', 'code']), date: str(), number: str() }).nullable(),
  law: lawJSONSchema,
  counts: z.record(str(), z.number().int()),
  findings: z.array(z.object({ severity: z.enum(['error', 'warning']), code: str(), where: str(), message: str(), params: z.record(str(), z.union([str(), z.number()])).optional() })),
  canSave: z.boolean(),
  candidates: z.array(z.object({ workId: id, slug: str(), title: str(), date: str().nullable(), number: str().nullable(), hasLang: z.boolean() })),
});

/** Where an import is saved: a new law, or a new version (in force from a date) of a law in the library. */
const importTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new'), title: str().min(1).max(1000), lawKind: z.enum(['law', 'code']), date: isoDate.nullable(), number: str().max(50).nullable() }).strict(),
  z.object({ kind: z.literal('version'), workId: id, inForceFrom: isoDate }).strict(),
]);

/** What an import saved, and the drafts it moved onto the new text. */
const importResultSchema = z.object({
  workId: id,
  expressionId: id,
  versionId: id,
  rebased: z.array(z.object({ packageId: id, packageTitle: str(), versionId: id, carried: z.number().int().optional(), conflicts: z.number().int().optional(), error: str().optional(), onTeam: z.literal(true).optional(), onto: id.optional() })),
});

/** A provision a rebase could not merge by itself, until the drafter decides. */
export const conflictSchema = z.object({
  id,
  uid: str(),
  label: str(),
  reason: z.enum(['both-changed', 'repealed-in-new-base', 'removed-in-new-base', 'no-place']),
  base: unitStateSchema.nullable(),
  theirs: unitStateSchema.nullable(),
  mine: unitStateSchema.nullable(),
  createdAt: isoTime,
});

/** Where a bundle export stands (progress bar, cancel, the folder written). */
export const bundleStatusSchema = z.object({
  jobId: id,
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  current: str(),
  folder: str().nullable(),
  error: str().nullable(),
});

/** Every channel: its input and output schemas. The key is the bridge method's name. */
export const contract = {
  getAppInfo: {
    input: empty,
    output: z.object({ appVersion: str(), schemaVersion: z.number().int(), databasePath: str() }),
  },
  listLibrary: { input: empty, output: z.array(libraryEntrySchema) },
  openVersion: { input: z.object({ versionId: id }).strict(), output: openedVersionSchema },
  openDraft: { input: z.object({ versionId: id }).strict(), output: openedDraftSchema },
  listPackages: { input: empty, output: z.array(packageSummarySchema) },
  getPackage: { input: z.object({ packageId: id }).strict(), output: packageSummarySchema },
  createPackage: {
    input: z.object({ title: str().trim().min(1).max(1000), baseVersionIds: z.array(id).min(1).max(50), author: str().trim().max(200).optional() }).strict(),
    output: packageSummarySchema,
  },
  /** Adds a law text in force to a package being drafted (a working draft of it). */
  // `also`: the law's text in the other official language, added with it (a change is made in both).
  addToPackage: { input: z.object({ packageId: id, baseVersionId: id, also: z.array(id).max(2).optional() }).strict(), output: packageSummarySchema },
  saveDraft: {
    input: z
      .object({
        versionId: id,
        revision: z.number().int().min(0),
        upserts: bulkArray(provisionRowSchema, 200_000),
        deletes: bulkArray(id, 200_000),
      })
      .strict(),
    // `mirrored`: the other language drafts of the law that the save's structural edit was made in too, at their new revisions.
    output: z.object({ revision: z.number().int(), savedAt: isoTime, mirrored: z.array(z.object({ versionId: id, revision: z.number().int() })) }),
  },
  /** The parity findings of a package: each law amended in both official languages, text against text. */
  getParity: { input: z.object({ packageId: id }).strict(), output: packageParitySchema },
  /** Marks a unit of a draft "unchanged in this language" (or takes the mark away). */
  markUnchanged: { input: z.object({ versionId: id, uid: id, unchanged: z.boolean() }).strict(), output: packageParitySchema },
  getPackageDocuments: { input: z.object({ packageId: id, lang, jobId: jobId.optional() }).strict(), output: packageDocumentsSchema },
  listGaps: { input: empty, output: z.array(gapSchema) },
  saveGap: {
    input: z.object({ code: gapCode, names: texts, descriptions: texts, instrument: texts }).strict(),
    output: z.array(gapSchema),
  },
  retireGap: { input: z.object({ code: gapCode, retired: z.boolean() }).strict(), output: z.array(gapSchema) },
  annotateAmendment: {
    input: z
      .object({ packageId: id, uid: id, gapCodes: z.array(gapCode).max(20), justification: str().max(20_000), evidence: str().max(5_000) })
      .strict(),
    output: coverageSchema,
  },
  importTaxonomy: { input: z.object({ json: str().max(2_000_000) }).strict(), output: z.array(gapSchema) },
  exportTaxonomy: { input: empty, output: z.object({ path: str().nullable() }) },
  getIdentity: { input: empty, output: z.object({ name: str(), role: str() }).nullable() },
  /** Team mode (issue 17): the server this desktop works with, the person, whether it is in step and how many pushes wait. */
  getTeamStatus: { input: empty, output: teamViewSchema },
  /** Checks an address and a token with the team server, keeps them (the token with the keychain) and starts keeping in step. */
  connectTeam: { input: z.object({ url: str().max(500).regex(/^https?:\/\/[^\s/]+/, 'not an http(s) address'), token: str().min(10).max(200) }).strict(), output: teamViewSchema },
  /** Answers once anything of team mode changed after `since` (TeamView.seq), or after 25 s with nothing new: the windows' live updates. */
  watchTeam: { input: z.object({ since: z.number().int().min(0) }).strict(), output: teamViewSchema },
  /** What a draft's editor shows of team mode: leases others hold, this desktop's, when its text last changed from the server. */
  getTeamDraft: { input: z.object({ versionId: id }).strict(), output: teamDraftSchema },
  /** The drafter typed in a provision of a draft on a team server: takes (or keeps) its lease, or says who holds it. */
  takeLease: { input: z.object({ versionId: id, uid: id }).strict(), output: z.object({ state: z.enum(['held', 'held-by', 'offline', 'not-linked']), holder: str().optional() }) },
  /** The drafter left a draft: its leases whose changes the server has go back. */
  leaveDraft: { input: z.object({ versionId: id }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** An owner frees every lease of a draft on the team server (the holders' unpushed text is kept as a snapshot on their desktops). */
  releaseDraftLeases: { input: z.object({ versionId: id }).strict(), output: z.object({ released: z.number().int().min(0) }) },
  /** The team's owner moves a draft on the team server onto a later text in force of its law in this library (imported here), for every desktop; refused while someone holds a provision the move changes. */
  moveTeamDraft: {
    input: z.object({ versionId: id, onto: id }).strict(),
    output: z.discriminatedUnion('state', [z.object({ state: z.literal('moved'), carried: z.number().int(), conflicts: z.number().int() }).strict(), z.object({ state: z.literal('leased'), uid: id, holder: str() }).strict()]),
  },
  /** The people of the team (server ids, names, roles), for choosing who a published package is shared with. */
  listTeamPeople: { input: empty, output: z.array(z.object({ id: str(), name: str(), role: str() })) },
  /** Who a package on the team server is shared with, and the others of the team it could be (for its publisher or an owner). */
  listTeamMembers: { input: z.object({ packageId: id }).strict(), output: z.array(z.object({ id: str(), name: str(), role: str(), member: z.boolean() }).strict()) },
  /** Shares a package on the team server with more people (server ids) or fewer; who it is shared with after. */
  changeTeamMembers: {
    input: z.object({ packageId: id, add: z.array(z.string().regex(/^[0-9A-Za-z_-]{8,64}$/, 'not an id')).max(500), remove: z.array(z.string().regex(/^[0-9A-Za-z_-]{8,64}$/, 'not an id')).max(500) }).strict(),
    output: z.array(z.object({ id: str(), name: str(), role: str(), member: z.boolean() }).strict()),
  },
  /** Publishes a package to the team server, with the people (server ids) who may see it. */
  publishToTeam: { input: z.object({ packageId: id, members: z.array(z.string().regex(/^[0-9A-Za-z_-]{8,64}$/, 'not an id')).max(500).optional() }).strict(), output: teamViewSchema },
  setIdentity: { input: z.object({ name: str().min(1).max(200), role: str().max(200) }).strict(), output: z.object({ name: str(), role: str() }) },
  listComments: {
    input: z.object({ packageId: id, uid: id }).strict(),
    // Each comment at its latest version (editedAt: when; null if never edited); mine: the person here wrote it.
    output: z.array(z.object({ id, parentId: id.nullable(), author: str(), role: str(), text: str(), createdAt: isoTime, editedAt: isoTime.nullable(), mine: z.boolean() })),
  },
  addComment: { input: z.object({ packageId: id, uid: id, parentId: id.nullable(), text: str().min(1).max(20_000) }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Rewords one's own comment: a new version (the earlier is kept, and logged). */
  editComment: { input: z.object({ packageId: id, commentId: id, text: str().min(1).max(20_000) }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Deletes one's own comment: a tombstone (nothing is removed; the log keeps it). */
  deleteComment: { input: z.object({ packageId: id, commentId: id }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Approves or rejects an amendment; a rejection can be taken back with restoreRejected (its id). */
  reviewAmendment: { input: z.object({ packageId: id, uid: id, decision: reviewDecision }).strict(), output: reviewResult },
  reviewAmendments: { input: z.object({ packageId: id, uids: z.array(id).min(1).max(1000), decision: reviewDecision }).strict(), output: reviewResult },
  /** The amendments rejected in a package and not restored, with who and when (electron/services/review.ts). */
  listRejected: {
    input: z.object({ packageId: id }).strict(),
    output: z.array(
      z.object({
        operationId: id,
        uid: str(),
        versionId: id,
        label: str(),
        kind: str(),
        eId: str(),
        base: str().nullable(),
        proposed: str().nullable(),
        rejectedBy: str(),
        rejectedAt: isoTime,
      }),
    ),
  },
  /** Puts a rejected amendment back as it was proposed (refused where the provision was edited since). */
  restoreRejected: { input: z.object({ packageId: id, operationId: id }).strict(), output: coverageSchema },
  getOverlaps: {
    input: z.object({ packageId: id }).strict(),
    output: z.array(z.object({ uid: str(), eId: str(), otherPackageId: id, otherPackageTitle: str(), otherVersionId: id })),
  },
  createSnapshot: {
    input: z.object({ packageId: id, name: str().min(1).max(300) }).strict(),
    output: z.object({ id, name: str(), createdAt: isoTime, createdBy: str() }),
  },
  listSnapshots: { input: z.object({ packageId: id }).strict(), output: z.array(z.object({ id, name: str(), createdAt: isoTime, createdBy: str() })) },
  compare: {
    input: z.object({ left: compareSource, right: compareSource, context: z.boolean().optional(), jobId: jobId.optional() }).strict(),
    output: z.object({
      lang,
      rows: z.array(comparativeRowSchema.extend({ kind: str(), eId: str(), inline: z.array(z.tuple([z.number(), str()])) })),
    }),
  },
  // The entries of a package (the audit view), or of one provision of it (the review panel's history).
  getAuditTrail: {
    input: z.object({ packageId: id, uid: id.optional() }).strict(),
    output: z.array(z.object({ seq: z.number().int(), at: isoTime, actor: str(), role: str(), uid: str().nullable(), action: str(), detail: str() })),
  },
  // The database's backups (beside it, in backups/), newest first; a restore is done at the next start.
  listBackups: {
    input: empty,
    output: z.array(z.object({ name: str(), at: isoTime, bytes: z.number().int(), reason: z.enum(['migration', 'daily', 'replaced']) })),
  },
  restoreBackup: { input: z.object({ name: str().max(200) }).strict(), output: z.object({ restarting: z.boolean() }) },
  exportAuditLog: {
    input: z.object({ packageId: id, format: z.enum(['csv', 'json']), lang }).strict(),
    output: z.object({ path: str().nullable() }),
  },
  verifyAudit: {
    input: empty,
    output: z.union([z.object({ ok: z.literal(true), entries: z.number().int(), signed: z.number().int(), notes: z.array(str()) }), z.object({ ok: z.literal(false), seq: z.number().int().nullable(), reason: str() })]),
  },
  getCoverage: { input: z.object({ packageId: id }).strict(), output: coverageSchema },
  setPackageStatus: { input: z.object({ packageId: id, status: z.enum(['draft', 'review']) }).strict(), output: packageSummarySchema },
  exportPackageDocument: {
    // `bilingual-table`: the comparative table with the Kazakh and the Russian wording side by side (`lang`: the language of its headings).
    input: z.object({ packageId: id, lang, document: z.enum(['law', 'table', 'coverage', 'bilingual-table']), format: z.enum(['docx', 'html', 'csv']), jobId: jobId.optional() }).strict(),
    output: z.object({ path: str().nullable() }),
  },
  exportRedline: {
    input: z.object({ packageId: id, versionId: id, format: z.enum(['docx', 'html', 'pdf']), changedOnly: z.boolean(), comments: z.boolean(), jobId: jobId.optional() }).strict(),
    output: z.object({ path: str().nullable() }),
  },
  exportAkn: {
    input: z.object({ packageId: id, lang, document: z.enum(['package', 'draft']), versionId: id.optional(), jobId: jobId.optional() }).strict(),
    output: z.object({ path: str().nullable() }),
  },
  startBundle: { input: z.object({ packageId: id, lang, changedOnly: z.boolean(), comments: z.boolean() }).strict(), output: bundleStatusSchema.nullable() },
  bundleStatus: { input: z.object({ jobId: id }).strict(), output: bundleStatusSchema },
  cancelBundle: { input: z.object({ jobId: id }).strict(), output: bundleStatusSchema },
  previewImport: {
    // The file's bytes in base64 (30 MB at most, the importers' own limit).
    input: z.object({ name: str().min(1).max(255), base64: str().max(41_000_000), lang: lang.optional(), jobId: jobId.optional() }).strict(),
    output: importPreviewSchema,
  },
  commitImport: { input: z.object({ importId: id, target: importTargetSchema }).strict(), output: importResultSchema },
  /** Two pending imports as the Kazakh and Russian texts of one law: their languages and the parity findings between them, nothing saved. */
  previewImportPair: {
    input: z.object({ importIds: z.tuple([id, id]) }).strict(),
    output: z.object({ languages: z.tuple([lang, lang]), findings: z.array(parityFindingSchema) }),
  },
  /** Saves two pending imports as two expressions of one work in one transaction: the first where `target` says, the second as its other language (electron/services/import-pair.ts). */
  commitImportPair: { input: z.object({ importIds: z.tuple([id, id]), target: importTargetSchema }).strict(), output: z.array(importResultSchema) },
  listConflicts: { input: z.object({ versionId: id }).strict(), output: z.array(conflictSchema) },
  workProgress: {
    input: z.object({ jobIds: z.array(jobId).min(1).max(20) }).strict(),
    output: z.array(z.object({ jobId, state: z.enum(['queued', 'running', 'unknown']), percent: z.number().min(0).max(100), label: str().nullable() })),
  },
  cancelWork: { input: z.object({ jobId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  resolveConflict: { input: z.object({ conflictId: id, keep: z.enum(['theirs', 'mine']), revision: z.number().int().min(0) }).strict(), output: z.object({ revision: z.number().int() }) },
  /** Full-text search of the library, or of the versions given (a law, a draft); word forms are found (electron/services/search.ts). */
  search: {
    input: z
      .object({
        query: str().min(1).max(500).refine((s) => !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')), 'not text'),
        versionIds: z.array(id).min(1).max(50).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    output: z.object({
      hits: z.array(
        z.object({
          versionId: id,
          uid: str(),
          title: str(),
          lang,
          status: z.enum(['in_force', 'draft']),
          packageId: id.nullable(),
          packageTitle: str().nullable(),
          label: str(),
          heading: str(),
          text: str(),
          matches: z.array(z.object({ field: z.enum(['heading', 'text']), start: z.number().int().min(0), end: z.number().int().min(0) })),
        }),
      ),
      total: z.number().int().min(0),
      truncated: z.boolean(),
      indexing: z.boolean(),
    }),
  },
  /** Search in reviewers' comments and amendments' justifications (electron/services/search-notes.ts). */
  searchNotes: {
    input: z.object({ query: str().min(1).max(500).refine((s) => !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')), 'not text'), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({
      hits: z.array(
        z.object({
          kind: z.enum(['comment', 'justification']),
          packageId: id,
          packageTitle: str(),
          versionId: id.nullable(),
          uid: str(),
          label: str(),
          lawTitle: str(),
          text: str(),
          author: str().nullable(),
          at: isoTime,
          matches: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })),
        }),
      ),
      total: z.number().int().min(0),
    }),
  },
  /** The forms a term takes in the drafts of a package in one language, for a replacement throughout (electron/services/throughout.ts). */
  throughoutForms: {
    input: z.object({ packageId: id, lang, term: phrase }).strict(),
    output: z.object({
      acts: z.array(z.object({ versionId: id, title: str(), count: z.number().int().min(0) })),
      forms: z.array(z.object({ form: str(), count: z.number().int().min(1), acts: z.number().int().min(1) })),
    }),
  },
  /** Replaces each confirmed form throughout the package's drafts in one language, as whole words; one statement per act in its amending law. */
  replaceThroughout: {
    input: z.object({ packageId: id, lang, replacements: z.array(z.object({ from: phrase, to: z.union([phrase, z.literal('')]) }).strict()).min(1).max(200) }).strict(),
    output: throughoutResult,
  },
  /** The replacements throughout made in a package and not undone, newest first. */
  listThroughout: {
    input: z.object({ packageId: id }).strict(),
    output: z.array(z.object({ operationId: id, replacements: z.array(z.object({ from: str(), to: str() })), acts: z.number().int().min(1), createdBy: str(), createdAt: isoTime })),
  },
  /** Puts back what a replacement throughout changed (refused where a unit was edited since). */
  undoThroughout: {
    input: z.object({ packageId: id, operationId: id }).strict(),
    output: z.object({ acts: z.number().int().min(0), units: z.number().int().min(0) }),
  },
} as const;

/** The contract's type. */
export type Contract = typeof contract;
/** A channel (bridge method) name. */
export type Channel = keyof Contract;

// Compile-time proof that the contract and channels.ts name the same channels, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsMatch: Same<Channel, ChannelName> = true;
void channelsMatch;
/** The input type of a channel. */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** The input type of a channel after validation (what handlers receive). */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
/** The output type of a channel. */
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

/** The API the renderer sees as `window.zan`: one method per channel, answering a Reply. */
export type WorkbenchApi = { [C in Channel]: (input: InputOf<C>) => Promise<Reply<OutputOf<C>>> };

export { CHANNEL_NAMES, ipcChannel, isChannel } from './channels';

/** One unit found by a search. */
export type SearchHitData = OutputOf<'search'>['hits'][number];
/** What a search gives. */
export type SearchResultData = OutputOf<'search'>;
/** Types of the payloads the renderer works with. */
export type LibraryEntry = OutputOf<'listLibrary'>[number];
export type PackageSummary = OutputOf<'getPackage'>;
export type OpenedVersion = OutputOf<'openVersion'>;
/** A working draft with its base, as openDraft gives it. */
export type OpenedDraft = OutputOf<'openDraft'>;
export type PackageDocumentsData = OutputOf<'getPackageDocuments'>;
export type GapData = OutputOf<'listGaps'>[number];
export type CoverageData = OutputOf<'getCoverage'>;
/** What an import found, before saving. */
export type ImportPreviewData = OutputOf<'previewImport'>;
/** A rebase conflict of a draft. */
export type ConflictData = OutputOf<'listConflicts'>[number];
/** A bundle export's progress. */
export type BundleStatusData = OutputOf<'bundleStatus'>;
export type { LawParity, PackageParity } from './bilingual/contract';
