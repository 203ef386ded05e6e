import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lawFromJSON, lawToDoc } from '../../shared/law';
import { call } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { LawEditor } from '../editor/LawEditor';
import { formatDate, langBadge } from '../format';
import { useLinkedScroll } from '../parallel/link-scroll';
import { navigate } from '../router';
import { useAsync } from '../useAsync';

const NO_HOOKS = { notify: () => undefined, save: () => undefined };

/** One text in force, read only, in a column of its own. */
function ReaderColumn({ versionId, scroller, onScroll }: { versionId: string; scroller: { current: HTMLElement | null }; onScroll(): void }) {
  const { t, i18n } = useTranslation();
  const opened = useAsync(() => call('openVersion', { versionId }), [versionId]);
  const doc = useMemo(() => (opened.state === 'done' ? lawToDoc(lawFromJSON(opened.value.law)) : null), [opened]);
  return (
    <section className="parallel-column" ref={(el) => void (scroller.current = el)} onScroll={onScroll} data-testid={`reader-${opened.state === 'done' ? opened.value.lang : 'loading'}`}>
      {opened.state === 'loading' && <p className="loading">{t('loading')}</p>}
      {opened.state === 'error' && <ErrorBanner message={opened.message} />}
      {opened.state === 'done' && doc && (
        <>
          <header className="parallel-column-header">
            <h2 className="parallel-column-title">
              <span className="badge badge-lang">{langBadge(opened.value.lang)}</span> {opened.value.title}
            </h2>
            <span className="hint">{t('law.inForce', { date: formatDate(opened.value.inForceFrom, i18n.language) })}</span>
            <button type="button" className="link-button" onClick={() => navigate({ view: 'law', versionId })}>
              {t('parallel.openSingle', { lang: langBadge(opened.value.lang) })}
            </button>
          </header>
          <div className="page parallel-page">
            <LawEditor doc={doc} lang={opened.value.lang} editable={false} hooks={NO_HOOKS} />
          </div>
        </>
      )}
    </section>
  );
}

/**
 * A law's Kazakh and Russian texts in force side by side, read only (issue 15): unit against
 * unit, scrolling together (the texts of one law share their units' uids).
 */
export function ParallelLawView({ ru, kk }: { ru: string; kk: string }) {
  const { t } = useTranslation();
  const scrollers = { ru: useRef<HTMLElement | null>(null), kk: useRef<HTMLElement | null>(null) };
  const [linked, setLinked] = useState(true);
  const follow = useLinkedScroll((lang) => scrollers[lang].current, linked);
  return (
    <div className="parallel-layout" data-testid="parallel-reader">
      <header className="document-header parallel-header">
        <h1 className="document-title">{t('parallel.readerTitle')}</h1>
        <div className="toolbar">
          <label className="check">
            <input type="checkbox" checked={linked} onChange={(e) => setLinked(e.target.checked)} /> {t('parallel.linked')}
          </label>
        </div>
      </header>
      <div className="parallel-columns">
        <ReaderColumn versionId={kk} scroller={scrollers.kk} onScroll={() => follow('kk')} />
        <ReaderColumn versionId={ru} scroller={scrollers.ru} onScroll={() => follow('ru')} />
      </div>
    </div>
  );
}
