import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { LawParity, OpenedDraft, OutputOf } from '../../shared/ipc';
import { applyRowChanges, docToLaw, lawFromJSON, lawToDoc, lawToRows, rowsToLaw, type Lang, type LawDoc, type ProvisionRow } from '../../shared/law';
import type { Reply } from '../../shared/reply';
import { call } from '../api';
import { Autosave, type SaveStatus } from '../editor/autosave';
import { LawEditor } from '../editor/LawEditor';
import { revealUnit } from '../editor/reveal';
import { langBadge } from '../format';
import { phrase, say, type Phrase } from '../i18n/phrase';
import { keepPendingEdits } from '../parallel/pending-edits';
import { useParityFlags } from '../parity/use-parity';
import { useAsync } from '../useAsync';
import { ErrorBanner } from './ErrorBanner';
import { ParityNotice } from './ParityNotice';
import { SaveIndicator } from './SaveIndicator';

/** What the parallel view asks of one of its columns. */
export interface ColumnHandle {
  /** Reads the draft again from the store (a save in the other column changed its structure), keeping what was typed here. */
  reload(): void;
  /** Saves what is pending. */
  flush(): Promise<void>;
  /** The column's scrolling box. */
  scroller(): HTMLElement | null;
  /** Brings a unit into view and puts the cursor there. */
  reveal(uid: string): void;
}

/** A save as the main process answers it: with the other language drafts it changed too. */
type SaveReply = Reply<OutputOf<'saveDraft'>>;

/** What an editor held, not yet stored, when its column was read again: the rows as last saved and as typed. */
interface Pending {
  saved: readonly ProvisionRow[];
  current: ProvisionRow[];
}

/** The props of one column of the parallel view. */
export interface ParallelColumnProps {
  versionId: string;
  law: LawParity | null;
  parityError: Phrase | null;
  /** Runs the saves of both columns one after the other (a structural save changes the other column's draft). */
  queue<T>(save: () => Promise<T>): Promise<T>;
  /** A save landed: when, and the other drafts it changed. */
  onSaved(at: string, mirrored: readonly { versionId: string }[]): void;
  onMark(versionId: string, uid: string, unchanged: boolean): void;
  /** Saves what the other column has pending (see ParallelDraftView). */
  onFlushOther(): Promise<void>;
  onScroll(): void;
  ref?: Ref<ColumnHandle>;
}

/**
 * One language's draft of a law in the parallel view: its own editor and autosave, its units
 * flagged where the other text is not in step, its parity findings. Read again from the store when
 * the other column's save made a structural change in it, with what was typed here kept.
 */
export function ParallelColumn(props: ParallelColumnProps) {
  const { versionId } = props;
  const { t } = useTranslation();
  const [generation, setGeneration] = useState(0);
  // What this editor holds that is not yet stored, taken just before a reload.
  const pending = useRef<Pending | null>(null);
  const live = useRef<{ autosave: Autosave; view: EditorView | null; lang: Lang } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const opened = useAsync(async () => {
    const { version, base: baseJSON, changes } = await call('openDraft', { versionId });
    const base = lawFromJSON(baseJSON);
    const stored = applyRowChanges(lawToRows(base), changes);
    // Not taken here: a load that is overtaken by the next reload must leave it to that one (the editor it makes takes it).
    const snapshot = pending.current;
    const typed = snapshot ? keepPendingEdits(stored, snapshot.saved, snapshot.current, version.lang) : { law: rowsToLaw(stored, version.lang), kept: false, dropped: false };
    // The stored rows as the editor will write them (places numbered 0, 1, 2 … under each parent, as
    // DraftView keeps them): else the first save would send places that only look changed.
    return { version, base, stored: lawToRows(rowsToLaw(stored, version.lang)), initial: typed.law, kept: typed.kept, dropped: typed.dropped, snapshot };
  }, [versionId, generation]);

  useImperativeHandle(
    props.ref,
    () => ({
      reload: () => {
        const at = live.current;
        if (at?.view) pending.current = { saved: at.autosave.savedState, current: lawToRows(docToLaw(at.view.state.doc, at.lang)) };
        // The old editor's saves are over: one queued meanwhile is not sent (its revision is gone).
        at?.autosave.dispose();
        setGeneration((g) => g + 1);
      },
      flush: () => live.current?.autosave.flush() ?? Promise.resolve(),
      scroller: () => scroller.current,
      reveal: (uid) => {
        const v = live.current?.view;
        if (v) revealUnit(v, uid);
      },
    }),
    [],
  );

  return (
    <section className="parallel-column" ref={scroller} onScroll={props.onScroll} data-testid={`column-${opened.state === 'done' ? opened.value.version.lang : 'loading'}`}>
      {opened.state === 'loading' && <p className="loading">{t('loading')}</p>}
      {opened.state === 'error' && <ErrorBanner message={opened.message} />}
      {opened.state === 'done' && <ColumnEditor key={generation} {...props} {...opened.value} live={live} pending={pending} />}
    </section>
  );
}

function ColumnEditor({
  version,
  base,
  stored,
  initial,
  kept,
  dropped,
  snapshot,
  pending,
  law,
  parityError,
  queue,
  onSaved,
  onMark,
  onFlushOther,
  live,
}: ParallelColumnProps & {
  version: OpenedDraft['version'];
  base: LawDoc;
  stored: ProvisionRow[];
  initial: LawDoc;
  kept: boolean;
  dropped: boolean;
  snapshot: Pending | null;
  pending: { current: Pending | null };
  live: { current: { autosave: Autosave; view: EditorView | null; lang: Lang } | null };
}) {
  const doc = useMemo(() => lawToDoc(initial), [initial]);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const [notice, setNotice] = useState<Phrase | null>(dropped ? phrase('parallel.dropped') : null);
  const [view, setView] = useState<EditorView | null>(null);
  const viewRef = useRef<EditorView | null>(null);
  const autosave = useMemo(() => {
    let current = true;
    const saver = new Autosave({
      versionId: version.versionId,
      revision: version.revision,
      savedRows: stored,
      currentRows: () => (viewRef.current ? lawToRows(docToLaw(viewRef.current.state.doc, version.lang)) : stored),
      // The other column's edits are saved first: a structural save here changes its draft, and it is then read again.
      send: (input) =>
        onFlushOther().then(() => queue(async (): Promise<SaveReply> => {
          if (!current) return { ok: false, error: { code: 'CONFLICT', message: 'The column was read again.' } };
          const reply = (await window.zan.saveDraft(input)) as SaveReply;
          if (reply.ok) onSaved(reply.value.savedAt, reply.value.mirrored);
          return reply;
        })),
      onStatus: (s) => current && setStatus(s),
    });
    const dispose = saver.dispose.bind(saver);
    saver.dispose = () => {
      current = false;
      dispose();
    };
    return saver;
  }, [version, stored, queue, onSaved, onFlushOther]);
  useEffect(() => {
    live.current = { autosave, view: viewRef.current, lang: version.lang };
    // What was typed before the reload is in this editor now.
    if (snapshot && pending.current === snapshot) pending.current = null;
    // Words typed before the reload, kept in the text read again: saved on the new revision.
    if (kept) autosave.markDirty();
    return () => void autosave.flush();
  }, [autosave, kept, live, version.lang, snapshot, pending]);
  const hooks = useMemo(() => ({ notify: (key: string, values?: Record<string, string>) => setNotice(phrase(key, values?.['kind'] ? { ...values, kind: phrase(`kind.${values['kind']}`) } : values)), save: () => void autosave.flush() }), [autosave]);
  const onView = useCallback(
    (v: EditorView | null) => {
      viewRef.current = v;
      if (live.current) live.current.view = v;
      setView(v);
    },
    [live],
  );
  const onDocChanged = useCallback(() => {
    setNotice(null);
    autosave.markDirty();
  }, [autosave]);
  useParityFlags(view, law, version.lang);
  const reveal = useCallback((uid: string) => viewRef.current && void revealUnit(viewRef.current, uid), []);

  return (
    <>
      <header className="parallel-column-header">
        <h2 className="parallel-column-title">
          <span className="badge badge-lang">{langBadge(version.lang)}</span> {version.title}
        </h2>
        <SaveIndicator status={status} onSave={() => void autosave.flush()} />
        <ParityNotice law={law} lang={version.lang} error={parityError} onReveal={reveal} onMark={(uid, unchanged) => void autosave.flush().then(() => onMark(version.versionId, uid, unchanged))} />
        {notice && (
          <p className="notice" role="status">
            {say(notice)}
          </p>
        )}
      </header>
      <div className="page parallel-page">
        <LawEditor doc={doc} lang={version.lang} editable={version.editable} hooks={hooks} base={base} onDocChanged={onDocChanged} onView={onView} />
      </div>
    </>
  );
}
