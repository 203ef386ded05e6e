import { useTranslation } from 'react-i18next';
import { MARKUP_VIEWS, type MarkupView } from '../review/markup';

/** The choice of markup view of a draft (review/markup.ts), as a segmented control. */
export function MarkupSwitch({ value, onChange }: { value: MarkupView; onChange(view: MarkupView): void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented markup-switch" role="radiogroup" aria-label={t('markup.label')} data-testid="markup-switch">
      {MARKUP_VIEWS.map((v) => (
        <button key={v} type="button" role="radio" aria-checked={value === v} className={value === v ? 'is-active' : ''} title={t(`markup.hint.${v}`)} onClick={() => onChange(v)} data-testid={`markup-${v}`}>
          {t(`markup.${v}`)}
        </button>
      ))}
    </div>
  );
}
