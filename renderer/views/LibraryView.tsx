import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry, PackageSummary } from '../../shared/ipc';
import { call } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { ImportDialog } from '../components/ImportDialog';
import { formatDateOf, formatMoment, langBadge } from '../format';
import { navigate } from '../router';
import { useAsync } from '../useAsync';
import { useTeamStatus } from '../team/team-status';

/**
 * The title of a work in the interface language if the work has it, else in an official language
 * (Kazakh, then Russian: a Kazakh reader of a law with no Kazakh text reads it in Russian, not in
 * the English working translation), else in its first language.
 */
function titleFor(entry: LibraryEntry, uiLang: string): string {
  const inLang = (lang: string) => entry.expressions.find((e) => e.lang === lang);
  return (inLang(uiLang) ?? inLang('kk') ?? inLang('ru') ?? entry.expressions[0])?.title ?? entry.slug;
}

/** The library: the laws in force, and the draft amending laws in progress. */
export function LibraryView() {
  const { t, i18n } = useTranslation();
  const [importing, setImporting] = useState(false);
  // Packages joined from the team server arrive while the library is open: listed again then.
  const joined = useTeamStatus().joined;
  const data = useAsync(async () => ({ laws: await call('listLibrary', {}), packages: await call('listPackages', {}) }), [joined]);
  if (data.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (data.state === 'error') return <ErrorBanner message={data.message} />;
  const { laws, packages } = data.value;
  return (
    <div className="library">
      <section className="library-laws" aria-labelledby="laws-heading">
        <div className="section-head">
          <h1 id="laws-heading">{t('library.laws')}</h1>
          <button type="button" className="button" onClick={() => setImporting(true)} data-testid="open-import">
            {t('import.open')}
          </button>
        </div>
        <p className="hint">{t('library.illustrativeNote')}</p>
        {importing && <ImportDialog laws={laws} onClose={() => setImporting(false)} />}
        <ul className="work-list">
          {laws.map((w) => (
            <li key={w.workId} className="work-card" data-testid={`work-${w.slug}`}>
              <div className="work-kind">
                {t('library.of', { kind: w.kind === 'code' ? t('library.code') : t('library.law'), date: formatDateOf(w.date, i18n.language), number: w.number })}
                {w.illustrative && <span className="badge badge-muted">{t('library.illustrative')}</span>}
              </div>
              <h2 className="work-title">{titleFor(w, i18n.language)}</h2>
              <div className="work-langs">
                {w.expressions.map((e) =>
                  e.versionId ? (
                    <button key={e.lang} type="button" className="lang-button" title={e.title} onClick={() => navigate({ view: 'law', versionId: e.versionId as string })} data-testid={`open-${w.slug}-${e.lang}`}>
                      {langBadge(e.lang)}
                    </button>
                  ) : null,
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section className="library-packages" aria-labelledby="packages-heading">
        <h1 id="packages-heading">{t('library.packages')}</h1>
        {packages.length === 0 ? <p className="hint">{t('library.noPackages')}</p> : <PackageList packages={packages} />}
      </section>
    </div>
  );
}

function PackageList({ packages }: { packages: PackageSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="package-list">
      {packages.map((p) => {
        const first = p.drafts[0];
        return (
          <li key={p.id}>
            <button type="button" className="package-card" disabled={!first} onClick={() => first && navigate({ view: 'draft', packageId: p.id, versionId: first.versionId })} data-testid="package-card">
              <span className={`badge badge-${p.status}`}>{t(`library.status.${p.status}`)}</span>
              <span className="package-title">{p.title}</span>
              <span className="package-meta">
                {t('library.amends')}: {p.drafts.map((d) => `${d.title} (${langBadge(d.lang)})`).join('; ')}
              </span>
              <span className="package-meta">{t('library.updated', { when: formatMoment(p.updatedAt, i18n.language) })}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
