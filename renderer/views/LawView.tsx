import type { EditorView } from 'prosemirror-view';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lawFromJSON, lawToDoc } from '../../shared/law';
import { call } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { FindBar } from '../components/FindBar';
import { DocumentSidebar } from '../components/Outline';
import { LawEditor } from '../editor/LawEditor';
import { revealUnit } from '../editor/reveal';
import { useRevealFind } from '../editor/use-reveal-find';
import { navigate, type Find } from '../router';
import { formatDate, langBadge } from '../format';
import { useAsync } from '../useAsync';
import { NewPackageDialog } from './NewPackageDialog';
import { AddToPackage } from '../components/AddToPackage';
import { editorCommands } from '../commands/editor-commands';
import { useRegisterCommands, type AppCommand } from '../commands/registry';

const NO_HOOKS = { notify: () => undefined, save: () => undefined };

/** A text in force, read only, with the way to start a draft amending law on it. */
export function LawView({ versionId, find }: { versionId: string; find?: Find | undefined }) {
  const { t, i18n } = useTranslation();
  const opened = useAsync(() => call('openVersion', { versionId }), [versionId]);
  // The same law's texts in its other languages, which a package may amend at the same time.
  const slug = opened.state === 'done' ? opened.value.workSlug : null;
  const others = useAsync(async () => {
    if (!slug) return [];
    const work = (await call('listLibrary', {})).find((w) => w.slug === slug);
    return (work?.expressions ?? []).filter((e) => e.versionId && e.versionId !== versionId).map((e) => ({ lang: e.lang, versionId: e.versionId as string, title: e.title }));
  }, [versionId, slug]);
  const [creating, setCreating] = useState(false);
  const view = useRef<EditorView | null>(null);
  const reveal = useCallback((uid: string) => {
    if (view.current) revealUnit(view.current, uid);
  }, []);
  const [ready, setReady] = useState<EditorView | null>(null);
  const onView = useCallback((v: EditorView | null) => {
    view.current = v;
    setReady(v);
  }, []);
  useRevealFind(ready, find);
  // Moving through the text, find, and starting a draft: offered to the palette while the law is open.
  const commands = useMemo<AppCommand[]>(
    () => [
      ...editorCommands({ view: () => view.current, lang: 'ru', notify: () => undefined, editable: () => false }).filter((c) => c.group === 'navigate' || c.id === 'find.open'),
      { id: 'law.newPackage', title: 'commands.newPackage', group: 'app', run: () => setCreating(true) },
    ],
    [],
  );
  useRegisterCommands('law', commands);
  const law = useMemo(() => (opened.state === 'done' ? lawFromJSON(opened.value.law) : null), [opened]);
  const doc = useMemo(() => (law ? lawToDoc(law) : null), [law]);

  if (opened.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (opened.state === 'error') return <ErrorBanner message={opened.message} />;
  if (!law || !doc) return null;
  const v = opened.value;
  // The law's text in the other official language, to read side by side with this one.
  const counterpart = (v.lang === 'ru' || v.lang === 'kk') && others.state === 'done' ? others.value.find((o) => o.lang === (v.lang === 'ru' ? 'kk' : 'ru'))?.versionId : undefined;
  return (
    <div className="document-layout">
      <DocumentSidebar law={law} onSelect={reveal} />
      <main className="document-main">
        <header className="document-header">
          <div className="document-kicker">
            <span className="badge badge-lang">{langBadge(v.lang)}</span> {t('law.inForce', { date: formatDate(v.inForceFrom, i18n.language) })}
            <span className="badge badge-muted">{t('law.readOnly')}</span>
          </div>
          <h1 className="document-title">{v.title}</h1>
          <div className="document-actions">
            <button type="button" className="button button-primary" onClick={() => setCreating(true)} data-testid="new-package">
              {t('law.newPackage')}
            </button>
            <AddToPackage versionId={versionId} workSlug={v.workSlug} lang={v.lang} />
            {counterpart && (
              <button type="button" className="button" onClick={() => navigate({ view: 'parallel-law', ru: v.lang === 'ru' ? versionId : counterpart, kk: v.lang === 'kk' ? versionId : counterpart })} data-testid="open-parallel-law">
                {t('parity.sideBySide')}
              </button>
            )}
          </div>
          <FindBar versionId={versionId} view={() => view.current} />
        </header>
        <div className="page">
          <LawEditor doc={doc} lang={v.lang} editable={false} hooks={NO_HOOKS} onView={onView} />
        </div>
      </main>
      {creating && <NewPackageDialog versionId={versionId} lawTitle={v.title} otherTexts={others.state === 'done' ? others.value : []} onClose={() => setCreating(false)} />}
    </div>
  );
}
