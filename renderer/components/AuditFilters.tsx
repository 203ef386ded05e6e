import { useTranslation } from 'react-i18next';
import { actionName } from '../review/audit-actions';
import type { AuditFilter } from '../review/audit-filter';

/**
 * The filters of the audit view: the kind of action, the person, words (in the summary, the
 * person, the provision), and — when the view was opened from a provision — that provision, which
 * can be let go to see the whole package. Says how many entries are shown of how many.
 */
export function AuditFilters({
  filter,
  onChange,
  actions,
  actors,
  provision,
  onAllProvisions,
  shown,
  total,
}: {
  filter: AuditFilter;
  onChange(next: AuditFilter): void;
  actions: readonly string[];
  actors: readonly string[];
  /** The provision filtered by, as named (its label or its uid); null when none is. */
  provision: string | null;
  onAllProvisions(): void;
  shown: number;
  total: number;
}) {
  const { t } = useTranslation();
  // A person is chosen by position in the list: any name (even an empty one, before anyone was named) can be chosen.
  const actorIndex = filter.actor === null ? '' : String(actors.indexOf(filter.actor));
  return (
    <div className="audit-filters" role="search" aria-label={t('audit.filters')}>
      <select value={filter.action ?? ''} onChange={(e) => onChange({ ...filter, action: e.target.value || null })} aria-label={t('audit.byAction')} data-testid="audit-action">
        <option value="">{t('audit.allActions')}</option>
        {actions.map((a) => (
          <option key={a} value={a}>
            {actionName(t, a)}
          </option>
        ))}
      </select>
      <select value={actorIndex} onChange={(e) => onChange({ ...filter, actor: e.target.value === '' ? null : (actors[Number(e.target.value)] ?? null) })} aria-label={t('audit.byActor')} data-testid="audit-actor">
        <option value="">{t('audit.allActors')}</option>
        {actors.map((a, i) => (
          <option key={a} value={i}>
            {a || t('audit.nobody')}
          </option>
        ))}
      </select>
      <input type="search" value={filter.text} onChange={(e) => onChange({ ...filter, text: e.target.value })} placeholder={t('audit.searchHint')} aria-label={t('audit.search')} data-testid="audit-search" />
      {provision !== null && (
        <span className="audit-provision" data-testid="audit-provision">
          {t('audit.provision')}: <b>{provision}</b>{' '}
          <button type="button" className="link-button" onClick={onAllProvisions} data-testid="audit-all-provisions">
            {t('audit.allProvisions')}
          </button>
        </span>
      )}
      <span className="audit-count" data-testid="audit-count">
        {t('audit.count', { count: total, shown })}
      </span>
    </div>
  );
}
