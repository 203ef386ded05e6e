import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { failure, say, type Phrase } from '../i18n/phrase';
import { navigate } from '../router';
import { useAsync } from '../useAsync';

/**
 * Adds the open law text to a draft package that does not amend it yet (a draft amending law often
 * amends several laws): the package gets a working draft of it, which opens in the editor, and one
 * of the law's text in the other official language, if the library has it.
 */
export function AddToPackage({ versionId, workSlug, lang }: { versionId: string; workSlug: string; lang: string }) {
  const { t } = useTranslation();
  const packages = useAsync(async () => (await call('listPackages', {})).filter((p) => p.status === 'draft' && !p.drafts.some((d) => d.workSlug === workSlug && d.lang === lang)), [workSlug, lang]);
  // The law's text in the other official language: added too (a change is made in both), unless the package has it.
  const counterpart = useAsync(async () => {
    const other = lang === 'ru' ? 'kk' : lang === 'kk' ? 'ru' : null;
    const work = (await call('listLibrary', {})).find((w) => w.slug === workSlug);
    return work?.expressions.find((e) => e.lang === other && e.versionId)?.versionId ?? null;
  }, [workSlug, lang]);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<Phrase | null>(null);
  if (packages.state !== 'done' || packages.value.length === 0) return null;
  const target = chosen || (packages.value[0]?.id ?? '');

  async function add() {
    setError(null);
    try {
      const other = counterpart.state === 'done' ? counterpart.value : null;
      const has = packages.state === 'done' && packages.value.find((p) => p.id === target)?.drafts.some((d) => d.baseVersionId === other);
      const pkg = await call('addToPackage', { packageId: target, baseVersionId: versionId, ...(other && !has ? { also: [other] } : {}) });
      const draft = pkg.drafts.find((d) => d.baseVersionId === versionId);
      if (draft) navigate({ view: 'draft', packageId: pkg.id, versionId: draft.versionId });
    } catch (e) {
      setError(failure(e));
    }
  }

  return (
    <span className="add-to-package">
      <select value={target} onChange={(e) => setChosen(e.target.value)} aria-label={t('law.addToPackageWhich')} data-testid="add-to-package-which">
        {packages.value.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
      <button type="button" className="button" onClick={() => void add()} data-testid="add-to-package">
        {t('law.addToPackage')}
      </button>
      {error && <span className="error-text">{say(error)}</span>}
    </span>
  );
}
