import type { ReadStore } from '../../store/store';
import type { AuditEntry } from '../../store/repositories/review';
import { textHash } from './hash';

/** The review state the log answers for: each comment's text and each annotation's decision and notes. */
export interface RecordedState {
  /** Comment id → fingerprint of its text. */
  comments: Map<string, string>;
  /** `package uid` → the decision and a fingerprint of the justification and evidence. */
  annotations: Map<string, { status: string; notes: string }>;
}

/** The fingerprint of a comment's text, as its log entry records it. */
export function commentFingerprint(text: string): string {
  return textHash('comment', text);
}

/** The fingerprint of an annotation's justification and evidence, as its log entry records it. */
export function notesFingerprint(justification: string, evidence: string): string {
  return textHash('notes', justification, evidence);
}

/** The key of an annotation in the recorded state. */
export function annotationKey(packageId: string, uid: string): string {
  return `${packageId} ${uid}`;
}

/** The status a review decision leaves an amendment in. */
/** The actions that add a comment row (a version and a tombstone are rows too). */
const COMMENTED = new Set(['comment', 'comment-edit', 'comment-delete', 'team-comment', 'team-comment-edit', 'team-comment-delete']);

const DECIDED: Record<string, string> = { accept: 'accepted', reject: 'rejected', reset: 'proposed', restore: 'proposed', 'team-decision-lapsed': 'proposed' };

/**
 * The detail of a baseline entry: the review state as it stood when the log was first sealed
 * (a database of an earlier build, whose log did not record it), so that from then on the
 * state can be checked against the log.
 */
export function baselineDetail(store: ReadStore): Record<string, unknown> {
  const comments: Record<string, string> = {};
  for (const c of store.review.allComments()) comments[c.id] = commentFingerprint(c.text);
  const annotations: Record<string, { status: string; notes: string }> = {};
  for (const a of store.review.annotationStates()) annotations[annotationKey(a.packageId, a.uid)] = { status: a.status, notes: notesFingerprint(a.justification, a.evidence) };
  return { comments, annotations };
}

/**
 * The state the log last recorded, replaying its entries in order; null when the log cannot answer
 * for the state (its first entries predate the seal and no baseline was written).
 */
export function recordedState(entries: readonly AuditEntry[]): RecordedState | null {
  const first = entries[0];
  const covered = first === undefined || first.format >= 2 || entries.some((e) => e.action === 'baseline' && e.format >= 2);
  if (!covered) return null;
  const state: RecordedState = { comments: new Map(), annotations: new Map() };
  for (const e of entries) {
    if (e.format < 2) continue;
    const d = parseDetail(e.detail);
    if (e.action === 'baseline') {
      state.comments = new Map(Object.entries((d.comments ?? {}) as Record<string, string>));
      state.annotations = new Map(Object.entries((d.annotations ?? {}) as Record<string, { status: string; notes: string }>));
    } else if (COMMENTED.has(e.action) && typeof d.id === 'string' && typeof d.textHash === 'string') {
      // A comment made here, a new version of one or its tombstone, or one the team server brought in.
      state.comments.set(d.id, d.textHash);
    } else if (e.uid && e.action === 'team-decision' && typeof d.decision === 'string' && d.decision in DECIDED) {
      // A team server's decision followed here: the status it gives, the notes as they were.
      const key = annotationKey(e.packageId, e.uid);
      const was = state.annotations.get(key);
      state.annotations.set(key, { status: DECIDED[d.decision] as string, notes: was?.notes ?? notesFingerprint('', '') });
    } else if (e.uid && (e.action in DECIDED || e.action === 'annotate')) {
      const key = annotationKey(e.packageId, e.uid);
      const was = state.annotations.get(key);
      const status = e.action === 'annotate' ? (typeof d.status === 'string' ? d.status : (was?.status ?? 'proposed')) : (DECIDED[e.action] as string);
      // A decision keeps the notes as they were (none, for an amendment never annotated).
      const notes = e.action === 'annotate' && typeof d.notes === 'string' ? d.notes : (was?.notes ?? notesFingerprint('', ''));
      state.annotations.set(key, { status, notes });
    }
  }
  return state;
}

/**
 * The first difference between the state the log recorded and the database's, in words, or null
 * when they agree: a decision flipped, a comment rewritten, added or removed outside the app.
 */
export function stateDifference(store: ReadStore, recorded: RecordedState): string | null {
  const comments = store.review.allComments();
  for (const c of comments) {
    const logged = recorded.comments.get(c.id);
    if (logged === undefined) return `comment ${c.id} is not in the log (it was added outside the workbench)`;
    if (logged !== commentFingerprint(c.text)) return `the text of comment ${c.id} is not the one the log recorded (it was rewritten)`;
  }
  const present = new Set(comments.map((c) => c.id));
  for (const id of recorded.comments.keys()) if (!present.has(id)) return `comment ${id}, which the log recorded, is gone`;
  const rows = new Map(store.review.annotationStates().map((a) => [annotationKey(a.packageId, a.uid), a]));
  for (const [key, a] of rows) {
    const logged = recorded.annotations.get(key) ?? { status: 'proposed', notes: notesFingerprint('', '') };
    if (a.status !== logged.status) return `the review decision on ${a.uid} of package ${a.packageId} is "${a.status}", the log last recorded "${logged.status}"`;
    if (logged.notes !== notesFingerprint(a.justification, a.evidence)) return `the justification of ${a.uid} of package ${a.packageId} is not the one the log recorded`;
  }
  for (const [key, logged] of recorded.annotations) if (!rows.has(key) && logged.status !== 'proposed') return `the review decision the log recorded on ${key.split(' ')[1]} of package ${key.split(' ')[0]} ("${logged.status}") is gone`;
  return null;
}

function parseDetail(detail: string): Record<string, unknown> {
  try {
    const d = JSON.parse(detail) as unknown;
    return d && typeof d === 'object' ? (d as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
