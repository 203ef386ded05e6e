import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LawParity, PackageParity } from '../../shared/ipc';
import type { Lang } from '../../shared/law';
import { call } from '../api';
import { setParityFlags, type ParityFlag } from '../editor/parity-flags';
import { uiTextLang } from '../i18n';
import { failure, say, type Phrase } from '../i18n/phrase';
import { findingPhrase } from './finding-text';

/** The law of a package a draft belongs to, with its parity, if it is amended in both official languages. */
export function lawOfDraft(parity: PackageParity | null, versionId: string): LawParity | null {
  return parity?.laws.find((l) => l.drafts.ru === versionId || l.drafts.kk === versionId) ?? null;
}

/** The flags of one draft's units: each unit a finding names in that draft's language, with what it says. */
export function flagsOf(law: LawParity | null, lang: Lang, language: string): Map<string, ParityFlag> {
  const flags = new Map<string, ParityFlag>();
  if (!law) return flags;
  for (const f of law.findings) {
    const uid = f.units?.[lang];
    if (uid) flags.set(uid, { kind: f.code, title: say(findingPhrase(f, uiTextLang(language), law.title)) });
  }
  return flags;
}

/** Shows a draft's flags in its editor (again whenever they or the interface language change). */
export function useParityFlags(view: EditorView | null, law: LawParity | null, lang: Lang): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    // A column read again after the other column's structural save destroys its editor first: the
    // flags go to the new one (this effect runs again with it), never to the one destroyed.
    if (view && !view.isDestroyed) view.dispatch(setParityFlags(view.state, flagsOf(law, lang, i18n.language)));
  }, [view, law, lang, i18n.language]);
}

/** A package's parity, read again on `refreshKey` (a save landed), with "unchanged in this language" marking. */
export function usePackageParity(packageId: string | null, refreshKey: unknown) {
  const [parity, setParity] = useState<PackageParity | null>(null);
  const [error, setError] = useState<Phrase | null>(null);
  const refresh = useCallback(() => {
    if (!packageId) return;
    void call('getParity', { packageId }).then(
      (p) => {
        setParity(p);
        setError(null);
      },
      (e: unknown) => setError(failure(e)),
    );
  }, [packageId]);
  // Read on opening, then again when a save lands (`refreshKey` set), not when it goes back to null with the next keystroke.
  const last = useRef<unknown>(undefined);
  useEffect(() => {
    if (last.current !== undefined && (refreshKey === null || refreshKey === last.current)) return;
    last.current = refreshKey ?? null;
    refresh();
  }, [refresh, refreshKey]);
  const mark = useCallback(async (versionId: string, uid: string, unchanged: boolean) => {
    try {
      setParity(await call('markUnchanged', { versionId, uid, unchanged }));
      setError(null);
    } catch (e) {
      setError(failure(e));
    }
  }, []);
  return useMemo(() => ({ parity, error, refresh, mark }), [parity, error, refresh, mark]);
}
