import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageData, GapData } from '../../shared/ipc';
import { call } from '../api';
import { uiTextLang } from '../i18n';
import { failure, say, type Phrase } from '../i18n/phrase';

type Annotated = CoverageData['amendments'][number];

/**
 * Edits what is attached to one amendment: the gaps it targets (active gaps, and retired ones it
 * already has), the justification, and the evidence. Saving returns the package's new coverage.
 */
export function AnnotationEditor({
  packageId,
  uid,
  current,
  gaps,
  onSaved,
  onClose,
  prepare,
}: {
  packageId: string;
  uid: string;
  current: Annotated | undefined;
  gaps: GapData[];
  onSaved(coverage: CoverageData): void;
  onClose(): void;
  /** Runs first (the draft view saves pending edits, so the amendment exists in the store). */
  prepare?(): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const ui = uiTextLang(i18n.language);
  const [codes, setCodes] = useState<Set<string>>(new Set(current?.gapCodes ?? []));
  const [justification, setJustification] = useState(current?.justification ?? '');
  const [evidence, setEvidence] = useState(current?.evidence ?? '');
  const [error, setError] = useState<Phrase | null>(null);
  const offered = gaps.filter((g) => !g.retired || codes.has(g.code));

  async function save() {
    setError(null);
    try {
      await prepare?.();
      onSaved(await call('annotateAmendment', { packageId, uid, gapCodes: [...codes], justification, evidence }));
      onClose();
    } catch (e) {
      setError(failure(e));
    }
  }

  return (
    <div className="annotation-editor" data-testid="annotation-editor">
      <div className="gap-choices">
        {offered.map((g) => (
          <label key={g.code} className="check" title={g.descriptions[ui]}>
            <input
              type="checkbox"
              checked={codes.has(g.code)}
              onChange={(e) => {
                const next = new Set(codes);
                if (e.target.checked) next.add(g.code);
                else next.delete(g.code);
                setCodes(next);
              }}
              data-testid={`gap-${g.code}`}
            />
            {g.names[ui]}
            {g.retired && <span className="badge badge-muted">{t('gaps.retired')}</span>}
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t('gaps.justification')}</span>
        <textarea value={justification} onChange={(e) => setJustification(e.target.value)} rows={3} data-testid="justification" />
      </label>
      <label className="field">
        <span>{t('gaps.evidence')}</span>
        <input value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder={t('gaps.evidenceHint')} />
      </label>
      {error && <p className="error-text">{say(error)}</p>}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('newPackage.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()} data-testid="save-annotation">
          {t('gaps.save')}
        </button>
      </div>
    </div>
  );
}
