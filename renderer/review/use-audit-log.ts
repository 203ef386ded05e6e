import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../shared/ipc';
import { call } from '../api';
import { uiTextLang } from '../i18n';
import { phrase, type Phrase } from '../i18n/phrase';

/** What the check of the whole log found (electron/services/audit/verify.ts). */
export type AuditCheck = OutputOf<'verifyAudit'>;

/** What the audit view's buttons do, and what they last gave. */
export interface AuditLogActions {
  /** The last check's result (null before one). */
  check: AuditCheck | null;
  checking: boolean;
  /** Where the last export was saved ("Saved to …"); null before one or after a cancel. */
  saved: Phrase | null;
  /** The last call's failure (said by the view, in the language of the moment). */
  error: unknown;
  verify(): Promise<void>;
  exportAs(format: 'csv' | 'json'): Promise<void>;
}

/**
 * The audit view's actions: check the whole log (its chain, signatures, head file and the review
 * state it last recorded) and export the package's entries as CSV or JSON, in the interface
 * language, through the save dialog. An export is itself logged: `onExported` reads the list again.
 */
export function useAuditLog(packageId: string, onExported: () => void): AuditLogActions {
  const { i18n } = useTranslation();
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [saved, setSaved] = useState<Phrase | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Stable: the palette's command runs it, and a new function would register the command again on every render.
  const verify = useCallback(async () => {
    setError(null);
    setCheck(null);
    setChecking(true);
    try {
      setCheck(await call('verifyAudit', {}));
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  }, []);
  return {
    check,
    checking,
    saved,
    error,
    verify,
    async exportAs(format) {
      setError(null);
      setSaved(null);
      try {
        const { path } = await call('exportAuditLog', { packageId, format, lang: uiTextLang(i18n.language) });
        if (path) {
          setSaved(phrase('documents.exported', { path }));
          onExported();
        }
      } catch (e) {
        setError(e);
      }
    },
  };
}
