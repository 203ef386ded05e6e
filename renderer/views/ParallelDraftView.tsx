import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { ParallelColumn, type ColumnHandle } from '../components/ParallelColumn';
import { useLinkedScroll } from '../parallel/link-scroll';
import { usePackageParity } from '../parity/use-parity';
import { navigate } from '../router';
import { useAsync } from '../useAsync';

/** Runs saves one after another, in the order they were asked for. */
function saveQueue() {
  let last: Promise<unknown> = Promise.resolve();
  return <T,>(save: () => Promise<T>): Promise<T> => {
    const next = last.then(save, save);
    last = next.catch(() => undefined);
    return next;
  };
}

/**
 * A law's Kazakh and Russian drafts in a package side by side (issue 15): two editors, unit against
 * unit, scrolling together. A structural edit in one column is made in the other by the save (the
 * main process does it); that column is then read again, keeping what was typed in it. Each column
 * flags its units that are not in step with the other and lists the law's findings.
 */
export function ParallelDraftView({ packageId, ru, kk }: { packageId: string; ru: string; kk: string }) {
  const { t } = useTranslation();
  const queue = useMemo(saveQueue, []);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const { parity, error, mark } = usePackageParity(packageId, savedAt);
  const law = parity?.laws.find((l) => l.drafts.ru === ru && l.drafts.kk === kk) ?? null;
  const pkg = useAsync(() => call('getPackage', { packageId }), [packageId]);
  const columns = { ru: useRef<ColumnHandle>(null), kk: useRef<ColumnHandle>(null) };
  const [linked, setLinked] = useState(true);

  const onSaved = useCallback(
    (at: string, mirrored: readonly { versionId: string }[]) => {
      for (const m of mirrored) {
        if (m.versionId === ru) columns.ru.current?.reload();
        if (m.versionId === kk) columns.kk.current?.reload();
      }
      setSavedAt(at);
    },
    // The column refs are stable.
    [ru, kk],
  );
  // Before a column saves, the other's pending edits are saved (a structural save makes the same
  // change in the other draft, which is then read again): one column at a time, never back and forth.
  const crossing = useRef(false);
  const flushOther = useMemo(() => {
    const cross = (other: 'ru' | 'kk') => async () => {
      if (crossing.current) return;
      crossing.current = true;
      try {
        await columns[other].current?.flush();
      } finally {
        crossing.current = false;
      }
    };
    return { kk: cross('ru'), ru: cross('kk') };
    // The column refs are stable.
  }, []);
  const follow = useLinkedScroll((lang) => columns[lang].current?.scroller() ?? null, linked);
  const single = (versionId: string) => void Promise.all([columns.ru.current?.flush(), columns.kk.current?.flush()]).then(() => navigate({ view: 'draft', packageId, versionId }));

  return (
    <div className="parallel-layout" data-testid="parallel-view">
      <header className="document-header parallel-header">
        <div className="document-kicker">
          <span className="badge badge-draft">{t('draft.package')}</span> {pkg.state === 'done' ? pkg.value.title : ''}
        </div>
        <h1 className="document-title">{t('parallel.title', { law: law?.title ?? '' })}</h1>
        <div className="toolbar">
          <label className="check">
            <input type="checkbox" checked={linked} onChange={(e) => setLinked(e.target.checked)} data-testid="link-scroll" /> {t('parallel.linked')}
          </label>
          <button type="button" className="button" onClick={() => single(kk)}>
            {t('parallel.openSingle', { lang: 'ҚАЗ' })}
          </button>
          <button type="button" className="button" onClick={() => single(ru)}>
            {t('parallel.openSingle', { lang: 'РУС' })}
          </button>
          <button type="button" className="button" onClick={() => void Promise.all([columns.ru.current?.flush(), columns.kk.current?.flush()]).then(() => navigate({ view: 'package', packageId }))}>
            {t('documents.open')}
          </button>
        </div>
      </header>
      <div className="parallel-columns">
        <ParallelColumn ref={columns.kk} versionId={kk} law={law} parityError={error} queue={queue} onSaved={onSaved} onMark={mark} onFlushOther={flushOther.kk} onScroll={() => follow('kk')} />
        <ParallelColumn ref={columns.ru} versionId={ru} law={law} parityError={error} queue={queue} onSaved={onSaved} onMark={mark} onFlushOther={flushOther.ru} onScroll={() => follow('ru')} />
      </div>
    </div>
  );
}
