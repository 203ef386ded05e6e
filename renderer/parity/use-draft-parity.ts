import type { EditorView } from 'prosemirror-view';
import { useCallback, useMemo, useRef } from 'react';
import type { Lang } from '../../shared/law';
import { parityCommands } from '../commands/parity-commands';
import { navigate } from '../router';
import { lawOfDraft, useParityFlags, usePackageParity } from './use-parity';

/** What an open draft needs for its parity with the other official language. */
export interface DraftParityInput {
  packageId: string | null;
  versionId: string;
  lang: Lang;
  /** The editor, once shown. */
  view: EditorView | null;
  getView(): EditorView | null;
  /** When the last save landed (the parity is read again then). */
  savedAt: string | null;
  /** Saves what is pending (a mark is made on the stored text). */
  flush(): Promise<void>;
}

/**
 * An open draft's parity with its law's other official text: the findings (read again after every
 * save), its units flagged in the editor, marking a unit unchanged in this language, and the
 * commands for the palette and the context menu.
 */
export function useDraftParity(input: DraftParityInput) {
  const { packageId, versionId, lang, view, getView, savedAt, flush } = input;
  const { parity, error, mark } = usePackageParity(packageId, savedAt);
  const law = lawOfDraft(parity, versionId);
  useParityFlags(view, law, lang);
  // Read when a command runs, so that the command list does not change with every finding.
  const current = useRef(law);
  current.current = law;
  const setUnchanged = useCallback((uid: string, unchanged: boolean) => void flush().then(() => mark(versionId, uid, unchanged)), [flush, mark, versionId]);
  const bilingual = () => !!(current.current?.drafts.ru && current.current.drafts.kk);
  const openParallel = useCallback(() => {
    const drafts = current.current?.drafts;
    if (packageId && drafts?.ru && drafts.kk) void flush().then(() => navigate({ view: 'parallel', packageId, ru: drafts.ru as string, kk: drafts.kk as string }));
  }, [flush, packageId]);
  const commands = useMemo(
    () =>
      parityCommands({
        view: getView,
        available: bilingual,
        toggleUnchanged: (uid) => {
          const marked = lang === 'ru' || lang === 'kk' ? current.current?.marked[lang] : [];
          setUnchanged(uid, !marked?.some((m) => m.uid === uid));
        },
        openParallel,
      }),
    // `bilingual` reads the ref: it need not be a dependency.
    [getView, lang, setUnchanged, openParallel],
  );
  return { law, error, commands, setUnchanged, openParallel: law?.drafts.ru && law.drafts.kk ? openParallel : undefined };
}
