import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParityFinding } from '../../shared/bilingual/findings';
import type { ImportPreviewData, OutputOf } from '../../shared/ipc';
import { langBadge } from '../format';
import { say, type Phrase } from '../i18n/phrase';
import { findingPhrase } from '../parity/finding-text';
import { uiTextLang } from '../i18n';

/** The other official text of the law being imported, read, and how it stands against the first (previewImportPair). */
export interface ImportPairState {
  preview: ImportPreviewData;
  pair: OutputOf<'previewImportPair'>;
}

/**
 * A finding of the pair as findingPhrase reads it. The preview carries no `units` (the texts are
 * not saved yet), and the phrase of a unit with no text yet names the language by its `units`:
 * that language is the one the finding holds no wording for.
 */
function sayable(f: OutputOf<'previewImportPair'>['findings'][number]): ParityFinding {
  if (f.code !== 'translate' || f.units) return f;
  return { ...f, units: { [f.ru === undefined ? 'ru' : 'kk']: '' } };
}

/**
 * The import dialog's part for the same law in the other official language (issue 15): the offer
 * to add its file; once read, the file, the reader's own findings on it (`children`), and where
 * the two texts differ, each said in the interface's language (they do not stop the save: the
 * drafter decides), or that they are in step.
 */
export function ImportPair({
  first,
  second,
  error,
  busy,
  onChoose,
  onRemove,
  children,
}: {
  first: ImportPreviewData;
  second: ImportPairState | null;
  error: Phrase | null;
  busy: boolean;
  onChoose(file: File): void;
  onRemove(): void;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const findings = second?.pair.findings ?? [];
  return (
    <section className="import-pair" aria-labelledby="import-pair-heading" data-testid="import-pair">
      <h3 id="import-pair-heading">{t('importPair.heading')}</h3>
      {second ? (
        <>
          <p>
            <strong>{second.preview.file}</strong> · {second.preview.format.toUpperCase()} · <span className="badge badge-lang">{langBadge(second.preview.lang)}</span>
            {second.preview.title && <> · {second.preview.title}</>}{' '}
            <button type="button" className="link-button" onClick={onRemove} data-testid="import-pair-remove">
              {t('importPair.remove')}
            </button>
          </p>
          {children}
          <div className="import-pair-findings" role="status" data-testid="import-pair-findings">
            {findings.length === 0 ? (
              <p>{t('importPair.inStep')}</p>
            ) : (
              <>
                <p className="notice">{t('importPair.findings', { count: findings.length })}</p>
                <ul className="findings">
                  {findings.map((f, i) => (
                    <li key={`${f.eId}-${i}`} data-parity-kind={f.kind} data-eid={f.eId}>
                      {say(findingPhrase(sayable(f), uiTextLang(i18n.language), first.title ?? first.file))}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </>
      ) : (
        <div className="export-row">
          <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()} data-testid="import-add-second">
            {t('importPair.add')}
          </button>
          <span className="hint">{first.lang === 'ru' ? t('importPair.hintKk') : t('importPair.hintRu')}</span>
        </div>
      )}
      <input
        ref={input}
        type="file"
        hidden
        accept=".txt,.html,.htm,.docx,.xml"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so that the same file chosen again (after a refusal) is read again.
          e.target.value = '';
          if (file) onChoose(file);
        }}
        data-testid="import-second-file"
      />
      {error && (
        <p className="error-text" role="alert" data-testid="import-pair-error">
          {say(error)}
        </p>
      )}
    </section>
  );
}
