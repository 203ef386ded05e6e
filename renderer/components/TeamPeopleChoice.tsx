import { useTranslation } from 'react-i18next';

/** One of the team, as the server lists them for a package's members. */
export interface TeamPersonShown {
  id: string;
  name: string;
  role: string;
}

/**
 * The people of the team, each with a box to tick, for whom a package is shared with (publishing
 * it, or changing that after): "Loading…" until the list comes (`people` null), nothing more when
 * it could not. Each box's test id is `testIdPrefix` and the person's name.
 */
export function TeamPeopleChoice({ people, chosen, onChange, failed, testIdPrefix }: { people: readonly TeamPersonShown[] | null; chosen: ReadonlySet<string>; onChange: (next: Set<string>) => void; failed: boolean; testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field team-people">
      <legend>{t('teamUi.members')}</legend>
      {people === null && !failed && <p className="loading">{t('loading')}</p>}
      {people?.map((p) => (
        <label key={p.id} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.has(p.id)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(p.id);
              else next.delete(p.id);
              onChange(next);
            }}
            data-testid={`${testIdPrefix}${p.name}`}
          />
          {p.name} <span className="hint">{t(`teamUi.role.${p.role}`, { defaultValue: p.role })}</span>
        </label>
      ))}
    </fieldset>
  );
}
