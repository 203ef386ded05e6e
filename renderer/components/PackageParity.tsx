import { useTranslation } from 'react-i18next';
import type { PackageParity as Parity } from '../../shared/ipc';
import { navigate } from '../router';

/**
 * The package's laws amended in both official languages, each with how many findings are open
 * between its Kazakh and Russian texts and the way to both texts side by side ("ready for review"
 * is refused while any is open).
 */
export function PackageParity({ packageId, parity }: { packageId: string; parity: Parity | null }) {
  const { t } = useTranslation();
  if (!parity || parity.laws.length === 0) return null;
  return (
    <ul className="package-parity" data-testid="package-parity">
      {parity.laws.map((law) => {
        const { ru, kk } = law.drafts;
        return (
          <li key={`${law.workSlug}-${ru ?? ''}-${kk ?? ''}`}>
            <span className={`badge ${law.findings.length ? 'badge-warn' : 'badge-ok'}`}>{law.findings.length ? t('parity.open', { count: law.findings.length }) : t('parity.inStep')}</span> {law.title}{' '}
            {ru && kk && (
              <button type="button" className="link-button" onClick={() => navigate({ view: 'parallel', packageId, ru, kk })}>
                {t('parity.sideBySide')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
