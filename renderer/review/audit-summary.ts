import type { Lang } from '../../shared/law';
import { LEASES_RELEASED_SNAPSHOT } from '../../shared/team/views';
import { phrase, say, type Phrase } from '../i18n/phrase';
import { isAuditDocument } from './audit-actions';

/** What a summary needs to name things the detail gives by id: a gap by its code, a draft by its version. */
export interface AuditNames {
  /** The gap's name in the interface language (its code when the taxonomy has no such gap). */
  gapName(code: string): string;
  /** The language of a draft of the package (null for a version that is not one of its drafts). */
  langOf(versionId: string): Lang | null;
}

/** A short account of an entry's detail: the text it is about (a save of the Kazakh draft), and what it says, in phrases. */
export interface AuditSummary {
  lang: Lang | null;
  parts: Phrase[];
}

/** A detail object as stored: anything that is not a JSON object (a log from elsewhere, a damaged entry) reads as empty. */
export type AuditDetail = Readonly<Record<string, unknown>>;

/** The detail of an entry, parsed; never throws (the raw text is still shown on expanding the row). */
export function parseDetail(detail: string): AuditDetail {
  try {
    const value: unknown = JSON.parse(detail);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as AuditDetail) : {};
  } catch {
    return {};
  }
}

// The detail is read defensively: an entry is whatever the log holds, and a view must not fall over on it.
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : Array.isArray(v) ? v.length : null);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

const KINDS = new Set(['words', 'restate', 'insert', 'repeal', 'renumber', 'move']);
const STATUSES = new Set(['draft', 'review', 'submitted', 'archived']);

// Words of the catalogue, or the value as stored when the catalogue has no word for it (a newer build's).
const asStored = (value: string): Phrase => phrase('audit.summary.text', { text: value });
const kindPhrase = (kind: string): Phrase => (KINDS.has(kind) ? phrase(`amendments.kind.${kind}`) : asStored(kind));
const statusPhrase = (status: string): Phrase => (STATUSES.has(status) ? phrase(`library.status.${status}`) : asStored(status));
const documentPhrase = (document: string): Phrase => (isAuditDocument(document) ? phrase(`audit.documents.${document}`) : asStored(document));

/** The units a save changed and deleted, as "3 units changed, 1 deleted" (or that it changed nothing). */
function saveParts(detail: AuditDetail): Phrase[] {
  const changed = list(detail['units']).length;
  const deleted = list(detail['deleted']).length;
  const parts: Phrase[] = [];
  if (changed > 0) parts.push(phrase('audit.summary.changed', { count: changed }));
  if (deleted > 0) parts.push(phrase('audit.summary.deleted', { count: deleted }));
  return parts.length ? parts : [phrase('audit.summary.nothing')];
}

/** What an export wrote: the document and the file (a bundle: its folder and how many files). */
function exportParts(detail: AuditDetail): Phrase[] {
  const document = text(detail['document']);
  const what = document ? documentPhrase(document) : asStored('—');
  if (document === 'bundle') return [phrase('audit.summary.bundle', { document: what, folder: text(detail['folder']) ?? '—', count: list(detail['files']).length })];
  return [phrase('audit.summary.exported', { document: what, file: text(detail['file']) ?? '—' })];
}

/** The replacements of a replacement throughout: «from» → «to», each. */
function replacementParts(detail: AuditDetail): Phrase[] {
  return list(detail['replacements']).flatMap((r) => {
    const pair = typeof r === 'object' && r !== null ? (r as Record<string, unknown>) : {};
    const from = text(pair['from']);
    return from ? [phrase('audit.summary.replaced', { from, to: text(pair['to']) ?? '' })] : [];
  });
}

/** The gap an entry of the taxonomy is about (`gap: { code }` when saved, `code` when retired or restored). */
function gapParts(detail: AuditDetail, names: AuditNames): Phrase[] {
  const gap = typeof detail['gap'] === 'object' && detail['gap'] !== null ? (detail['gap'] as Record<string, unknown>) : {};
  const code = text(gap['code']) ?? text(detail['code']);
  return code ? [asStored(names.gapName(code))] : [];
}

function partsOf(action: string, detail: AuditDetail, names: AuditNames): Phrase[] {
  switch (action) {
    case 'save':
      return saveParts(detail);
    case 'annotate': {
      const gaps = list(detail['gaps']).flatMap((g) => (typeof g === 'string' ? [names.gapName(g)] : []));
      return [gaps.length ? phrase('audit.summary.gaps', { gaps: gaps.join('; ') }) : phrase('audit.summary.noGap')];
    }
    case 'status': {
      const status = text(detail['status']);
      return status ? [phrase('audit.summary.status', { status: statusPhrase(status) })] : [];
    }
    case 'comment':
      return [phrase(text(detail['parentId']) ? 'audit.summary.reply' : 'audit.summary.newComment')];
    case 'accept':
    case 'reject':
    case 'reset': {
      const kind = text(detail['kind']);
      return kind ? [kindPhrase(kind)] : [];
    }
    case 'snapshot':
    case 'create-package':
    case 'import': {
      // The snapshot kept when an owner released the leases is said in the window's language.
      if (action === 'snapshot' && detail['name'] === LEASES_RELEASED_SNAPSHOT) return [phrase('compare.leasesReleasedSnapshot')];
      const title = text(detail['name']) ?? text(detail['title']);
      return title ? [phrase('audit.summary.title', { title })] : [];
    }
    case 'add-to-package':
      return [phrase('audit.summary.texts', { count: list(detail['bases']).length })];
    case 'export':
      return exportParts(detail);
    case 'rebase':
      return [phrase('audit.summary.rebase', { carried: count(detail['carried']) ?? 0, conflicts: count(detail['conflicts']) ?? 0 })];
    case 'resolve-conflict':
      return detail['keep'] === 'theirs' ? [phrase('audit.summary.keptTheirs')] : detail['keep'] === 'mine' ? [phrase('audit.summary.keptMine')] : [];
    case 'replace-throughout':
      return replacementParts(detail);
    case 'undo-replace-throughout': {
      const units = count(detail['units']);
      return units === null ? [] : [phrase('audit.summary.units', { count: units })];
    }
    case 'identity': {
      const name = text(detail['name']);
      return name ? [asStored([name, text(detail['role'])].filter(Boolean).join(' · '))] : [];
    }
    case 'restore-backup': {
      // The backup's file name: which copy the database was brought back to.
      const from = text(detail['from']);
      return from ? [asStored(from)] : [];
    }
    case 'add-gap':
    case 'edit-gap':
    case 'retire-gap':
    case 'restore-gap':
      return gapParts(detail, names);
    default:
      // A restore, the baseline, an action of a newer build: the action's name says it all (the raw detail is one click away).
      return [];
  }
}

/**
 * A short account of what an entry's detail says, as phrases said in the interface language when
 * shown: a save's count of units changed and deleted, an annotation's gaps, a status, an export's
 * document and file… The text of the package it is about is given apart (a badge), for the actions
 * whose detail names a draft (a save, a mark "unchanged in this language", a rebase).
 */
export function summarizeAudit(action: string, detail: AuditDetail, names: AuditNames): AuditSummary {
  const versionId = text(detail['versionId']);
  return { lang: versionId ? names.langOf(versionId) : null, parts: partsOf(action, detail, names) };
}

/** A summary's phrases said in the interface language of the moment ("3 единицы изменены, 1 удалена"). */
export function saySummary(summary: AuditSummary): string {
  return summary.parts.map(say).join(', ');
}
