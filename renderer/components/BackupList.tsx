import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { backupFacts, type Backup } from '../backups/backup-facts';

/**
 * The database's backups, newest first: when each was made, why, its size, and "Restore…", which
 * only asks (the confirmation says what a restore does). `focus` names the backup whose button
 * takes the focus when the list comes back from a confirmation that was cancelled.
 */
export function BackupList({ backups, focus, onRestore }: { backups: readonly Backup[]; focus: string | null; onRestore(backup: Backup): void }) {
  const { t, i18n } = useTranslation();
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (!focus) return;
    const button = [...(table.current?.querySelectorAll<HTMLButtonElement>('button[data-backup]') ?? [])].find((b) => b.dataset['backup'] === focus);
    button?.focus();
    // Only when the list comes back: a list that stays on screen keeps the focus where the user put it.
  }, []);
  return (
    <table ref={table} className="backup-table" data-testid="backup-list">
      <thead>
        <tr>
          <th scope="col">{t('backups.when')}</th>
          <th scope="col">{t('backups.why')}</th>
          <th scope="col">{t('backups.size')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('backups.action')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b, i) => {
          const facts = backupFacts(b, i18n.language);
          return (
            <tr key={b.name} data-testid="backup" data-name={b.name} data-reason={b.reason}>
              <td>
                <time id={`backup-${i}-when`} dateTime={b.at}>
                  {facts.when}
                </time>
              </td>
              <td id={`backup-${i}-why`} data-testid="backup-why">
                {facts.why}
              </td>
              <td className="backup-size" data-testid="backup-size">
                {facts.size}
              </td>
              <td className="backup-action">
                {/* Every row's button reads "Restore…": the time and the reason tell a screen reader which backup it is. */}
                <button type="button" className="button" aria-describedby={`backup-${i}-when backup-${i}-why`} onClick={() => onRestore(b)} data-backup={b.name} data-testid="backup-restore">
                  {t('backups.restore')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
