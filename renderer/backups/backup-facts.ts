import i18next from 'i18next';
import type { OutputOf } from '../../shared/ipc';
import { formatMoment } from '../format';

/** One backup of the database as the main process lists it (newest first). */
export type Backup = OutputOf<'listBackups'>[number];

/** What the dialog says of a backup, in the interface language of the moment. */
export interface BackupFacts {
  /** When it was made, to the minute (local time). */
  when: string;
  /** Why it was made: before an upgrade, the daily one, the database a restore replaced. */
  why: string;
  size: string;
}

const KB = 1024;
const MB = 1024 * KB;

/** The number format of an interface language (Kazakh writes "1,5" as Russian does, and not every Chromium has Kazakh number data). */
function numberLocale(uiLang: string): string {
  return uiLang === 'en' ? 'en-GB' : 'ru-RU';
}

/**
 * A size as a person reads it: whole kilobytes below a megabyte (at least 1), megabytes with one
 * decimal from there ("840 КБ", "12,4 МБ", "12.4 MB").
 */
export function backupSize(bytes: number, uiLang: string): string {
  const locale = numberLocale(uiLang);
  if (bytes < MB) return i18next.t('backups.kb', { size: Math.max(1, Math.round(bytes / KB)).toLocaleString(locale) });
  return i18next.t('backups.mb', { size: (bytes / MB).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
}

/** When, why and how big, said in `uiLang` (call it while rendering, so that it follows a switch of language). */
export function backupFacts(backup: Backup, uiLang: string): BackupFacts {
  return { when: formatMoment(backup.at, uiLang), why: i18next.t(`backups.reason.${backup.reason}`), size: backupSize(backup.bytes, uiLang) };
}
