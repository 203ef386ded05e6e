import { useTranslation } from 'react-i18next';
import type { CoverageData, GapData } from '../../shared/ipc';
import { langBadge } from '../format';
import { uiTextLang } from '../i18n';

/**
 * The gap coverage of a package at a glance: a bar per gap (an uncovered gap shows an empty bar),
 * the matrix of laws × gaps, and the two lists that need attention. A click on an amendment opens it.
 */
export function CoverageView({ coverage, gaps, onOpen }: { coverage: CoverageData; gaps: GapData[]; onOpen(versionId: string, uid: string): void }) {
  const { t, i18n } = useTranslation();
  const ui = uiTextLang(i18n.language);
  const name = new Map(gaps.map((g) => [g.code, g.names[ui]]));
  const description = new Map(gaps.map((g) => [g.code, g.descriptions[ui]]));
  const max = Math.max(1, ...coverage.perGap.map((g) => g.count));
  const byUid = new Map(coverage.amendments.map((a) => [a.uid, a]));
  return (
    <div className="coverage" data-testid="coverage">
      <section>
        <h2>{t('gaps.perGap')}</h2>
        <ol className="gap-bars">
          {coverage.perGap.map((g) => (
            <li key={g.code} className={g.count === 0 ? 'is-empty' : ''} data-testid={`bar-${g.code}`} data-count={g.count}>
              <span className="gap-bar-name" title={description.get(g.code)}>
                {name.get(g.code) ?? g.code}
              </span>
              <span className="gap-bar-track">
                <span className="gap-bar" style={{ width: `${(g.count / max) * 100}%` }} />
              </span>
              <span className="gap-bar-count">{g.count}</span>
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h2>{t('gaps.matrix')}</h2>
        {/* Wider than the page with many gaps: it scrolls in its own box, which the keyboard can reach. */}
        <div className="matrix-wrap" role="region" aria-label={t('gaps.matrix')} tabIndex={0} data-testid="matrix">
          <table className="gap-matrix">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('gaps.matrixLaw')}</span>
                </th>
                {coverage.perGap.map((g) => (
                  <th key={g.code} scope="col" title={[g.code, description.get(g.code)].filter(Boolean).join(': ')} data-testid={`matrix-gap-${g.code}`}>
                    {name.get(g.code) ?? g.code}
                    <span className="gap-matrix-code">{g.code}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {coverage.matrix.map((row) => (
                <tr key={row.versionId}>
                  <th scope="row">
                    <span className="badge badge-lang">{langBadge(row.lang)}</span> {row.title}
                  </th>
                  {coverage.perGap.map((g) => (
                    <td key={g.code} className={row.counts[g.code] ? 'has' : ''}>
                      {row.counts[g.code] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="attention">
        <div>
          <h2>{t('gaps.uncovered')}</h2>
          <ul data-testid="uncovered">
            {coverage.uncoveredGaps.map((c) => (
              <li key={c}>{name.get(c) ?? c}</li>
            ))}
          </ul>
        </div>
        <div>
          <h2>{t('gaps.missing')}</h2>
          {coverage.missing.length === 0 ? (
            <p className="hint">{t('gaps.allCovered')}</p>
          ) : (
            <ul data-testid="missing">
              {coverage.missing.map((m) => (
                <li key={m.uid}>
                  <button type="button" className="link-button" onClick={() => onOpen(byUid.get(m.uid)?.versionId ?? '', m.uid)}>
                    {m.label}
                  </button>{' '}
                  <span className="hint">{[m.noGap ? t('gaps.noGap') : '', m.noJustification ? t('gaps.noJustification') : ''].filter(Boolean).join(', ')}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}
