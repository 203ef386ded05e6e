import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LawParity } from '../../shared/ipc';
import { eIdLabel } from '../../shared/amend';
import type { Lang } from '../../shared/law';
import { findingPhrase } from '../parity/finding-text';
import { uiTextLang } from '../i18n';
import { say, type Phrase } from '../i18n/phrase';

/**
 * What a draft's law has open between its Kazakh and Russian texts (issue 15), in the draft's
 * toolbar: how many findings (a button that lists them below, each said in the interface's
 * language, with "show" for a unit of this text and "unchanged in this language" where this text's
 * unit was left as it was; the units marked so, with the mark's undo) and the way to both texts
 * side by side.
 */
export function ParityNotice({
  law,
  lang,
  error,
  onReveal,
  onMark,
  onParallel,
}: {
  law: LawParity | null;
  lang: Lang;
  error: Phrase | null;
  onReveal(uid: string): void;
  onMark(uid: string, unchanged: boolean): void;
  onParallel?: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!law) return error ? <span className="notice error">{say(error)}</span> : null;
  const language = uiTextLang(i18n.language);
  const marked = lang === 'ru' || lang === 'kk' ? law.marked[lang] : [];
  const listed = law.findings.length + marked.length > 0;
  return (
    <span className={`parity-notice${law.findings.length ? ' has-findings' : ''}`} data-testid="parity">
      <button type="button" className="parity-toggle" aria-expanded={listed ? open : undefined} disabled={!listed} onClick={() => setOpen(!open)} data-testid="parity-count">
        <span className={`badge ${law.findings.length ? 'badge-warn' : 'badge-ok'}`}>{law.findings.length ? t('parity.open', { count: law.findings.length }) : t('parity.inStep')}</span>
      </button>
      {onParallel && (
        <button type="button" className="link-button" onClick={onParallel} data-testid="open-parallel">
          {t('parity.sideBySide')}
        </button>
      )}
      {error && <span className="notice error">{say(error)}</span>}
      {open && listed && (
        <ul className="parity-list" data-testid="parity-list">
          {law.findings.map((f, i) => {
            const uid = f.units?.[lang];
            return (
              <li key={`${f.kind}-${f.eId}-${i}`} data-parity-kind={f.kind} data-eid={f.eId}>
                <span>{say(findingPhrase(f, language, law.title))}</span>{' '}
                {uid && (
                  <button type="button" className="link-button" onClick={() => onReveal(uid)}>
                    {t('parity.show')}
                  </button>
                )}{' '}
                {uid && f.code === 'changed' && (
                  <button type="button" className="link-button" onClick={() => onMark(uid, true)} data-testid="mark-unchanged">
                    {t('parity.markUnchanged')}
                  </button>
                )}
              </li>
            );
          })}
          {marked.map(({ uid, eId }) => (
            <li key={`marked-${uid}`} className="parity-marked">
              <span>{t('parity.markedHere', { unit: eIdLabel(eId, language) })}</span>{' '}
              <button type="button" className="link-button" onClick={() => onReveal(uid)}>
                {t('parity.show')}
              </button>{' '}
              <button type="button" className="link-button" onClick={() => onMark(uid, false)} data-testid="unmark-unchanged">
                {t('parity.unmark')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
