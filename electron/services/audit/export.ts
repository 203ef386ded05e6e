import { csvFile } from '../../../shared/text/csv';
import type { Lang } from '../../../shared/law';
import { writeFileAtomic } from '../../io/write-file-atomic';
import { StoreError } from '../../store/errors';
import { whenWritable, type ServiceContext, type ReadContext } from '../context';
import { safeFileName, type ChooseSavePath } from '../export';
import { verifyAudit } from './check';
import { recordExport } from './log';

const HEADERS: Record<Lang, string[]> = {
  ru: ['№', 'Время', 'Кто', 'Роль', 'Действие', 'Структурный элемент (uid)', 'Подробности', 'Хеш записи'],
  kk: ['№', 'Уақыты', 'Кім', 'Рөлі', 'Әрекет', 'Құрылымдық элемент (uid)', 'Толығырақ', 'Жазба хеші'],
  en: ['No.', 'Time', 'Who', 'Role', 'Action', 'Provision (uid)', 'Detail', 'Entry hash'],
};

const NAMES: Record<Lang, string> = { ru: 'Журнал действий', kk: 'Әрекеттер журналы', en: 'Audit log' };

/**
 * The audit trail of a package as a file: CSV for reading (one row per entry, formula-safe), or
 * JSON for an inspector — every entry with its hash, the previous hash and its signature, the
 * database's head (count, number and hash of its last entry) and what the check of the whole log
 * found when it was exported, so that the file can be matched against the database later.
 */
export function auditLogContent(ctx: ReadContext, packageId: string, format: 'csv' | 'json', lang: Lang): string {
  const pkg = ctx.store.packages.get(packageId);
  if (!pkg) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  const entries = ctx.store.review.audit({ packageId });
  if (format === 'csv') return csvFile([HEADERS[lang], ...entries.map((e) => [e.seq, e.at, e.actor, e.role, e.action, e.uid ?? '', e.detail, e.hash])]);
  return JSON.stringify({ app: 'zan-audit-export', package: { id: pkg.id, title: pkg.title }, exportedAt: ctx.now(), head: ctx.store.review.auditHead(), check: verifyAudit(ctx), entries }, null, 2) + '\n';
}

/** What an audit log export asks for. */
export interface AuditExportRequest {
  packageId: string;
  format: 'csv' | 'json';
  lang: Lang;
}

/**
 * Exports a package's audit trail to a file the user chose (null when they cancelled); the export
 * is logged too. `make` writes the content (the app: on a worker thread, since the JSON checks
 * the whole log); inline by default.
 */
export async function exportAuditLog(ctx: ServiceContext, request: AuditExportRequest, choose: ChooseSavePath, make: (r: AuditExportRequest) => Promise<string> = async (r) => auditLogContent(ctx, r.packageId, r.format, r.lang)): Promise<{ path: string | null }> {
  const pkg = ctx.store.packages.get(request.packageId);
  if (!pkg) throw new StoreError('NOT_FOUND', `No package ${request.packageId}.`, 'package.notFound', { packageId: request.packageId });
  const path = await choose(`${NAMES[request.lang]} — ${safeFileName(pkg.title)}.${request.format}`, request.format);
  if (!path) return { path: null };
  const content = await make(request);
  writeFileAtomic(path, content);
  await whenWritable(ctx, () => recordExport(ctx, request.packageId, { document: 'audit-log', format: request.format, lang: request.lang }, path, content));
  return { path };
}
