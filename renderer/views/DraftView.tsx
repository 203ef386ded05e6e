import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageData, GapData, OpenedDraft, OutputOf, PackageSummary } from '../../shared/ipc';
import type { Amendment } from '../../shared/amend';
import { applyRowChanges, docToLaw, lawFromJSON, lawToDoc, lawToRows, rowsToLaw, type LawDoc } from '../../shared/law';
import { call } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { FindBar } from '../components/FindBar';
import { AmendmentsPanel } from '../components/AmendmentsPanel';
import { ConflictsPanel } from '../components/ConflictsPanel';
import { DocumentSidebar } from '../components/Outline';
import { ParityNotice } from '../components/ParityNotice';
import { SaveIndicator } from '../components/SaveIndicator';
import { Autosave, type SaveStatus } from '../editor/autosave';
import { amendmentsOf } from '../editor/change-marks';
import { MarkupSwitch } from '../components/MarkupSwitch';
import { EditorContextMenu } from '../components/EditorContextMenu';
import { StructureToolbar } from '../components/StructureToolbar';
import { useDraftCommands } from '../commands/use-draft-commands';
import { editableIn, saveMarkupView, savedMarkupView, type MarkupView } from '../review/markup';
import { anchorAfterRejection } from '../review/anchor';
import { useDraftReview } from '../review/use-draft-review';
import { useDraftParity } from '../parity/use-draft-parity';
import { counterpartIndex } from '../parity/counterpart';
import { scrollParent } from '../scroll-parent';
import { LawEditor } from '../editor/LawEditor';
import { useRevealFind } from '../editor/use-reveal-find';
import type { Find } from '../router';
import { revealUnit } from '../editor/reveal';
import { langBadge } from '../format';
import { phrase, say, type Phrase } from '../i18n/phrase';
import { navigate } from '../router';
import { useAsync } from '../useAsync';
import { useDraftTeam, type TeamDraft } from '../team/use-draft-team';
import { useTeamStatus } from '../team/team-status';

/** Where a reopened draft returns to: the provision decided on (if any), else the scroll position. */
interface ReturnPlace {
  top: number;
  uid: string | null;
}

/** How long a reopened draft keeps its place to return to (the reopening may make two editors). */
const RETURN_KEPT_MS = 1500;

/** A package's working draft of one law, in the editor, saved as the drafter types. */
export function DraftView({ packageId, versionId, find }: { packageId: string; versionId: string; find?: Find | undefined }) {
  const { t } = useTranslation();
  // Raised when the stored draft changed under the editor (a rejection or a conflict resolved
  // restored a wording): the draft is opened again from the store, in a new editor.
  const [generation, setGeneration] = useState(0);
  // The last rejection, kept across the reopen it causes: Ctrl+Z or "restore" takes it back.
  const [rejection, setRejection] = useState<string | null>(null);
  // Where the page stood: the reopened draft comes back to the same place, not to the top.
  const scrolled = useRef<ReturnPlace | null>(null);
  const reopen = useCallback((rejectionId: string | null = null) => {
    setRejection(rejectionId);
    setGeneration((g) => g + 1);
  }, []);
  const opened = useAsync(async () => {
    // The draft with the text in force it amends (its changes are marked against it): the law
    // crosses the bridge once, the draft as the rows that differ from it.
    const { version, base: baseJSON, changes } = await call('openDraft', { versionId });
    const pkg = await call('getPackage', { packageId });
    // On a team server: who holds which provision, and the counter its later changes are told by.
    const team = await call('getTeamDraft', { versionId });
    const base = lawFromJSON(baseJSON);
    const initial = rowsToLaw(applyRowChanges(lawToRows(base), changes), version.lang);
    return { version, pkg, base, initial, team };
  }, [packageId, versionId, generation]);
  if (opened.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (opened.state === 'error') return <ErrorBanner message={opened.message} />;
  return (
    <DraftEditor
      key={`${versionId}:${generation}`}
      version={opened.value.version}
      pkg={opened.value.pkg}
      base={opened.value.base}
      initial={opened.value.initial}
      team={opened.value.team}
      onStoredChange={reopen}
      find={find}
      rejection={rejection}
      scrolled={scrolled}
    />
  );
}

function DraftEditor({
  version,
  pkg,
  base,
  initial,
  team,
  onStoredChange,
  find,
  rejection,
  scrolled,
}: {
  version: OpenedDraft['version'];
  pkg: PackageSummary;
  base: LawDoc;
  initial: LawDoc;
  team: TeamDraft;
  onStoredChange(rejectionId?: string | null): void;
  find?: Find | undefined;
  rejection: string | null;
  scrolled: { current: ReturnPlace | null };
}) {
  const packageTitle = pkg.title;
  const { t } = useTranslation();
  const doc = useMemo(() => lawToDoc(initial), [initial]);
  const [outlineLaw, setOutlineLaw] = useState<LawDoc>(initial);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const [notice, setNotice] = useState<Phrase | null>(null);
  const [amendments, setAmendments] = useState<readonly Amendment[]>([]);
  const [coverage, setCoverage] = useState<CoverageData | null>(null);
  const [activeUid, setActiveUid] = useState<string | null>(null);
  const [overlaps, setOverlaps] = useState<OutputOf<'getOverlaps'>>([]);
  const [gaps, setGaps] = useState<GapData[]>([]);
  const [markup, setMarkup] = useState<MarkupView>(savedMarkupView);
  const packageId = version.packageId;
  const frame = useRef(0);
  const view = useRef<EditorView | null>(null);
  const page = useRef<HTMLDivElement>(null);

  const autosave = useMemo(
    () =>
      new Autosave({
        versionId: version.versionId,
        revision: version.revision,
        savedRows: lawToRows(initial),
        currentRows: () => (view.current ? lawToRows(docToLaw(view.current.state.doc, version.lang)) : lawToRows(initial)),
        send: (input) => window.zan.saveDraft(input),
        onStatus: (s) => {
          setStatus(s);
          // Annotations attach to stored amendments: refresh them when a save lands.
          if (s.kind === 'saved' && s.at && packageId) void call('getCoverage', { packageId }).then(setCoverage, () => undefined);
          // The outline follows the saved text, not each keystroke.
          if (s.kind === 'saved' && view.current) setOutlineLaw(docToLaw(view.current.state.doc, version.lang));
        },
      }),
    [version, initial],
  );

  useEffect(() => {
    if (!packageId) return;
    void call('listGaps', {}).then(setGaps, () => undefined);
    void call('getCoverage', { packageId }).then(setCoverage, () => undefined);
    void call('getOverlaps', { packageId }).then(setOverlaps, () => undefined);
  }, [packageId]);

  useEffect(() => {
    // Leaving the page or the view saves what is pending; a close with unsaved edits waits for it.
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosave.hasUnsavedChanges) return;
      event.preventDefault();
      void autosave.flush().then(() => {
        if (!autosave.hasUnsavedChanges) window.close();
      });
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      // Flush, not dispose: React may mount the same view again (StrictMode), and it must keep saving.
      void autosave.flush();
    };
  }, [autosave]);

  const hooks = useMemo(
    () => ({
      // The commands name a unit by its node type (`chapter`): the notice says it as `kind.chapter`.
      notify: (key: string, values?: Record<string, string>) => setNotice(phrase(key, values?.['kind'] ? { ...values, kind: phrase(`kind.${values['kind']}`) } : values)),
      save: () => void autosave.flush(),
    }),
    [autosave],
  );
  // The panel follows the editor at most once per frame, so typing never waits for React.
  const showAmendments = useCallback((v: EditorView) => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setAmendments(amendmentsOf(v.state)));
  }, []);
  const onDocChanged = useCallback(
    (v: EditorView) => {
      setNotice(null);
      autosave.markDirty();
      showAmendments(v);
    },
    [autosave, showAmendments],
  );
  const [ready, setReady] = useState<EditorView | null>(null);
  const onView = useCallback(
    (v: EditorView | null) => {
      view.current = v;
      setReady(v);
      if (v) showAmendments(v);
      if (!v) return;
      // After the first paint, and only by the view still shown (a view made and destroyed at once,
      // as React's StrictMode does, must neither act nor use up what the next one needs).
      requestAnimationFrame(() => {
        if (view.current !== v) return;
        // Coming from the coverage view or a search: bring the provision it named into view.
        const reveal = sessionStorage.getItem('zan.reveal');
        if (reveal) {
          sessionStorage.removeItem('zan.reveal');
          revealUnit(v, reveal);
        } else if (scrolled.current) {
          // Reopened after a review decision: back on the provision decided on, or where the page
          // stood. Kept a moment, for the editor a reopening may make twice (the draft read again).
          const { uid, top } = scrolled.current;
          if (!uid || !revealUnit(v, uid)) scrollParent(v.dom)?.scrollTo({ top });
          window.setTimeout(() => (scrolled.current = null), RETURN_KEPT_MS);
        }
      });
    },
    [showAmendments],
  );
  useRevealFind(ready, find);

  const reveal = useCallback((uid: string) => {
    if (view.current) revealUnit(view.current, uid);
  }, []);

  // The draft changed in the store (a decision, a conflict resolved): reopened where the page stood,
  // on the provision decided on (or, for a new one the rejection took out, on the one it was in).
  const storedChange = useCallback(
    (rejectionId: string | null = null, uid?: string) => {
      const v = view.current;
      scrolled.current = v ? { top: scrollParent(v.dom)?.scrollTop ?? 0, uid: uid ? anchorAfterRejection(v.state.doc, base, uid) : null } : null;
      onStoredChange(rejectionId);
    },
    [onStoredChange, scrolled, base],
  );
  const getView = useCallback(() => view.current, []);
  const teamed = useDraftTeam({
    versionId: version.versionId,
    initial: team,
    flush: () => autosave.flush(),
    reopen: () => storedChange(null),
    onRemote: () => packageId && void call('getCoverage', { packageId }).then(setCoverage, () => undefined),
  });
  const review = useDraftReview({ view: getView, ready, packageId, coverage, setCoverage, flush: () => autosave.flush(), rejection, reopen: storedChange });
  const chooseMarkup = useCallback((next: MarkupView) => {
    saveMarkupView(next);
    setMarkup(next);
  }, []);
  const openDocuments = useCallback(() => void autosave.flush().then(() => navigate({ view: 'package', packageId: version.packageId as string })), [autosave, version]);
  // Saved first, so that the log opens with the last edits' entry in it. A command of the palette,
  // not a toolbar button: the header has no room left at 1280×720 (test/e2e/layout.e2e.test.ts);
  // the documents view has the button, each amendment's history a link to its provision's log.
  const openAudit = useCallback(() => void autosave.flush().then(() => navigate({ view: 'audit', packageId: pkg.id })), [autosave, pkg.id]);
  const flush = useCallback(() => autosave.flush(), [autosave]);
  const parity = useDraftParity({ packageId, versionId: version.versionId, lang: version.lang, view: ready, getView, savedAt: status.kind === 'saved' ? status.at : null, flush });
  const counterpart = useMemo(() => counterpartIndex(parity.law, version.lang), [parity.law, version.lang]);
  // The commands of the draft: the toolbar, the context menu and the palette run these.
  // On a team server the text is the drafters' (and the owner's): a reviewer or reader reads it, and decides or comments.
  const teamRole = useTeamStatus().user?.role;
  const readsOnly = team.linked && (teamRole === 'reviewer' || teamRole === 'reader');
  const mayEdit = version.editable && !readsOnly;
  const commands = useDraftCommands({ view: getView, lang: version.lang, editable: mayEdit, notify: hooks.notify, markup, chooseMarkup, save: hooks.save, openDocuments, openAudit, parity: parity.commands });

  return (
    <div className="document-layout with-panel">
      <DocumentSidebar law={outlineLaw} onSelect={reveal} />
      <main className="document-main">
        <header className="document-header">
          <div className="document-kicker">
            <span className="badge badge-draft">{t('draft.package')}</span> {packageTitle}
          </div>
          <h1 className="document-title">
            <span className="badge badge-lang">{langBadge(version.lang)}</span> {version.title}
          </h1>
          {pkg.drafts.length > 1 && (
            <div className="segmented draft-switch" role="tablist" aria-label={t('draft.texts')}>
              {pkg.drafts.map((d) => (
                <button
                  key={d.versionId}
                  type="button"
                  role="tab"
                  aria-selected={d.versionId === version.versionId}
                  className={d.versionId === version.versionId ? 'is-active' : ''}
                  title={d.title}
                  onClick={() => void autosave.flush().then(() => navigate({ view: 'draft', packageId: pkg.id, versionId: d.versionId }))}
                  data-testid={`draft-${d.lang}`}
                >
                  <span className="badge badge-lang">{langBadge(d.lang)}</span> <span className="draft-switch-title">{d.title}</span>
                </button>
              ))}
            </div>
          )}
          <div className="toolbar">
            <span className="badge badge-muted">{t('draft.workingCopy')}</span>
            <SaveIndicator status={status} onSave={() => void autosave.flush()} />
            <MarkupSwitch value={markup} onChange={chooseMarkup} />
            {mayEdit && <StructureToolbar commands={commands} />}
            <ParityNotice law={parity.law} lang={version.lang} error={parity.error} onReveal={reveal} onMark={parity.setUnchanged} onParallel={parity.openParallel} />
            <button type="button" className="button" onClick={openDocuments} data-testid="open-documents">
              {t('documents.open')}
            </button>
            <span className="shortcuts" title={t('draft.shortcutList')}>
              ⌨ {t('draft.shortcuts')}
            </span>
          </div>
          {overlaps.length > 0 && (
            <p className="notice overlap" role="status" data-testid="overlap">
              {t('review.overlap', { count: overlaps.length })}{' '}
              {[...new Map(overlaps.map((o) => [o.otherPackageId, o])).values()].map((o) => (
                <button key={o.otherPackageId} type="button" className="link-button" onClick={() => navigate({ view: 'draft', packageId: o.otherPackageId, versionId: o.otherVersionId })}>
                  {o.otherPackageTitle}
                </button>
              ))}
            </p>
          )}
          {notice && (
            <p className="notice" role="status">
              {say(notice)}
            </p>
          )}
          {teamed.notice && (
            <p className="notice" role="status" data-testid="lease-notice">
              {say(teamed.notice)}
            </p>
          )}
          {rejection && (
            <p className="notice" role="status" data-testid="rejection-notice">
              {review.error ? say(review.error) : t('review.rejectedNotice')}{' '}
              <button type="button" className="link-button" onClick={() => review.restore(rejection)} data-testid="undo-reject">
                {t('review.undoReject')}
              </button>
            </p>
          )}
          {readsOnly && (
            <p className="hint markup-note" role="status" data-testid="team-read-only">
              {t('teamUi.readOnlyRole')}
            </p>
          )}
          {!editableIn(markup) && mayEdit && (
            <p className="hint markup-note" role="status">
              {t('markup.readOnly')}
            </p>
          )}
          {<ConflictsPanel versionId={version.versionId} lang={version.lang} prepare={() => autosave.flush()} revision={() => autosave.savedRevision} onChanged={() => storedChange(null)} team={team.linked} />}
          <FindBar versionId={version.versionId} view={() => view.current} editable={mayEdit && editableIn(markup)} refresh={status.kind === 'saved' ? status.at : null} />
        </header>
        <div className={`page markup-${markup}`} ref={page}>
          <EditorContextMenu commands={commands} view={getView} />
          <LawEditor doc={doc} lang={version.lang} editable={mayEdit && editableIn(markup)} hooks={hooks} base={base} onDocChanged={onDocChanged} onMarksChanged={showAmendments} onView={onView} onUnitFocus={setActiveUid} leases={teamed.leases} />
        </div>
      </main>
      <AmendmentsPanel
        amendments={amendments}
        lang={version.lang}
        counterpart={counterpart}
        onSelect={reveal}
        activeUid={activeUid}
        annotations={
          packageId && coverage
            ? { packageId, coverage, gaps, onCoverage: setCoverage, prepare: () => autosave.flush(), onRejected: storedChange }
            : undefined
        }
      />
    </div>
  );
}
