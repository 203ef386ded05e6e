import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapData } from '../../shared/ipc';
import { LANGS, type Lang } from '../../shared/law';
import { call } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { langBadge } from '../format';
import { uiTextLang } from '../i18n';
import { failure, phrase, say, type Phrase } from '../i18n/phrase';
import { useAsync } from '../useAsync';

type Texts = GapData['names'];
const blank = (): Texts => ({ ru: '', kk: '', en: '' });

/** Edits one gap: its code (new gaps only) and its name, description and usual instrument in three languages. */
function GapForm({ gap, onSave, onCancel }: { gap: GapData | null; onSave(g: Omit<GapData, 'retired' | 'ord'>): Promise<void>; onCancel(): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(gap?.code ?? '');
  const [names, setNames] = useState<Texts>(gap?.names ?? blank());
  const [descriptions, setDescriptions] = useState<Texts>(gap?.descriptions ?? blank());
  const [instrument, setInstrument] = useState<Texts>(gap?.instrument ?? blank());
  const field = (label: string, value: Texts, set: (v: Texts) => void, lang: Lang) => (
    <label className="field">
      <span>
        {label} <span className="badge badge-lang">{langBadge(lang)}</span>
      </span>
      <input value={value[lang]} onChange={(e) => set({ ...value, [lang]: e.target.value })} data-testid={`gap-${label}-${lang}`} />
    </label>
  );
  return (
    <div className="gap-form" data-testid="gap-form">
      {!gap && (
        <label className="field">
          <span>{t('taxonomy.code')}</span>
          <input value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} placeholder="NEW_GAP" data-testid="gap-code" />
        </label>
      )}
      {LANGS.map((l) => (
        <div key={l} className="gap-form-lang">
          {field(t('taxonomy.name'), names, setNames, l)}
          {field(t('taxonomy.description'), descriptions, setDescriptions, l)}
          {field(t('taxonomy.instrument'), instrument, setInstrument, l)}
        </div>
      ))}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('newPackage.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void onSave({ code, names, descriptions, instrument })} data-testid="gap-save">
          {t('gaps.save')}
        </button>
      </div>
    </div>
  );
}

/**
 * The taxonomy of collaboration gaps: add, rename, describe and retire gaps (a retired gap stays on
 * the annotations that have it), and import or export the taxonomy as JSON.
 */
export function GapsView() {
  const { t, i18n } = useTranslation();
  const ui = uiTextLang(i18n.language);
  const [version, setVersion] = useState(0);
  const gaps = useAsync(() => call('listGaps', {}), [version]);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<Phrase | null>(null);
  const run = async (fn: () => Promise<unknown>, done?: Phrase) => {
    setMessage(null);
    try {
      await fn();
      setEditing(null);
      setVersion((n) => n + 1);
      if (done) setMessage(done);
    } catch (error) {
      setMessage(failure(error));
    }
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) await run(async () => call('importTaxonomy', { json: await file.text() }), phrase('taxonomy.imported'));
    e.target.value = '';
  };

  if (gaps.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (gaps.state === 'error') return <ErrorBanner message={gaps.message} />;
  return (
    <div className="taxonomy">
      <header className="document-header">
        <h1 className="document-title">{t('taxonomy.title')}</h1>
        <div className="toolbar">
          <button type="button" className="button button-primary" onClick={() => setEditing('+')} data-testid="gap-add">
            {t('taxonomy.add')}
          </button>
          <label className="button">
            {t('taxonomy.import')}
            <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => void importFile(e)} data-testid="gap-import" />
          </label>
          <button type="button" className="button" onClick={() => void run(async () => call('exportTaxonomy', {}))}>
            {t('taxonomy.export')}
          </button>
          {message && (
            <span className="hint" role="status" data-testid="taxonomy-status">
              {say(message)}
            </span>
          )}
        </div>
      </header>
      <div className="page wide">
        {editing === '+' && <GapForm gap={null} onCancel={() => setEditing(null)} onSave={(g) => run(() => call('saveGap', g))} />}
        <table className="comparative gap-table" data-testid="gap-table">
          <thead>
            <tr>
              <th>{t('taxonomy.code')}</th>
              <th>{t('taxonomy.name')}</th>
              <th>{t('taxonomy.description')}</th>
              <th>{t('taxonomy.instrument')}</th>
              <th>
                <span className="visually-hidden">{t('taxonomy.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {gaps.value.map((g) =>
              editing === g.code ? (
                <tr key={g.code}>
                  <td colSpan={5}>
                    <GapForm gap={g} onCancel={() => setEditing(null)} onSave={(v) => run(() => call('saveGap', { ...v, code: g.code }))} />
                  </td>
                </tr>
              ) : (
                <tr key={g.code} className={g.retired ? 'is-retired' : ''} data-testid={`gap-row-${g.code}`}>
                  <td className="gap-code">{g.code}</td>
                  <td>
                    {g.names[ui]} {g.retired && <span className="badge badge-muted">{t('gaps.retired')}</span>}
                  </td>
                  <td>{g.descriptions[ui]}</td>
                  <td>{g.instrument[ui]}</td>
                  <td>
                    {/* A flex or grid box inside the cell, not on it: a cell made a flex box is no longer a cell. */}
                    <div className="gap-actions">
                      <button type="button" className="link-button" onClick={() => setEditing(g.code)}>
                        {t('taxonomy.edit')}
                      </button>
                      <button type="button" className="link-button" onClick={() => void run(() => call('retireGap', { code: g.code, retired: !g.retired }))} data-testid={`gap-retire-${g.code}`}>
                        {g.retired ? t('taxonomy.restore') : t('taxonomy.retire')}
                      </button>
                    </div>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
