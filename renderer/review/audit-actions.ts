/**
 * Every action the audit log records (electron/services: `record(ctx, …)` and `audit(ctx, …)`), in
 * the order the audit view's filter offers them: what a drafter does most first, the library's own
 * entries (identity, gaps, imports, a backup restored, the baseline) last — they carry no package and a package's list
 * has them only if a later build puts them there. A test reads the services and fails when an
 * action is recorded that this list (and so the catalogue) lacks.
 */
export const AUDIT_ACTIONS = [
  'save',
  'annotate',
  'status',
  'comment',
  'comment-edit',
  'comment-delete',
  'accept',
  'reject',
  'reset',
  'restore',
  'snapshot',
  'export',
  'create-package',
  'add-to-package',
  'rebase',
  'resolve-conflict',
  'team-publish',
  'team-stale',
  'team-join',
  'team-comment',
  'team-comment-edit',
  'team-comment-delete',
  'team-decision',
  'team-decision-lapsed',
  'team-rebase',
  'mark-unchanged',
  'unmark-unchanged',
  'replace-throughout',
  'undo-replace-throughout',
  'import',
  'identity',
  'add-gap',
  'edit-gap',
  'retire-gap',
  'restore-gap',
  'restore-backup',
  'baseline',
] as const;

/** An action the audit log records. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Whether an entry's action is one this build knows (a newer build's is shown as it is stored). */
export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/**
 * The documents an `export` entry names (`detail.document`): those of the documents view, the
 * redline, the Akoma Ntoso files, the bundle, the audit log itself and the taxonomy.
 */
export const AUDIT_DOCUMENTS = ['law', 'table', 'bilingual-table', 'coverage', 'redline', 'akn-package', 'akn-draft', 'bundle', 'audit-log', 'taxonomy'] as const;

/** Whether an exported document's name is one this build has a word for. */
export function isAuditDocument(document: string): document is (typeof AUDIT_DOCUMENTS)[number] {
  return (AUDIT_DOCUMENTS as readonly string[]).includes(document);
}

/** An action as the interface names it ("Сохранение", "Сақтау", "Saved"); an action this build does not know, as stored. */
export function actionName(t: (key: string) => string, action: string): string {
  return isAuditAction(action) ? t(`audit.actions.${action}`) : action;
}
