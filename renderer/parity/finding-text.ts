import { eIdLabel, structuralLabel } from '../../shared/amend';
import type { ParityFinding } from '../../shared/bilingual/findings';
import type { ProvisionKind } from '../../shared/law';
import type { Lang } from '../../shared/law';
import { phrase, type Phrase } from '../i18n/phrase';

/**
 * A parity finding as the interface says it, in its own language (the finding's message is the
 * English the CLI prints): the unit named as a drafter names it, the facts that differ written as
 * laws write them, each language by its name in that interface.
 */

/** A fact as laws write it: "pct:10" → "10 %", "date:2026-07-01" → "01.07.2026", "ref:article:5" → "Статья 5". */
export function factText(fact: string, lang: Lang): string {
  const [kind, ...rest] = fact.split(':');
  const value = rest.join(':');
  if (kind === 'pct') return `${value.replace('.', ',')} %`;
  if (kind === 'date') return value.split('-').reverse().join('.');
  if (kind === 'ref') {
    const [unitKind, num] = value.split(':');
    return structuralLabel([{ kind: unitKind as ProvisionKind, num: num ?? '' }], lang);
  }
  return value.replace('.', ',');
}

/** What a finding holds for each language ("pct:40, ref:article:5"), as the interface writes it. */
function factsIn(value: string | undefined, lang: Lang): string {
  return value ? value.split(', ').map((f) => (/^(pct|date|ref|num):/.test(f) ? factText(f, lang) : f)).join(', ') : '—';
}

/** The language a finding is about, for its phrase: the one that has the unit (only-in), lacks its text (translate), or left it as it was (changed). */
function languageOf(f: ParityFinding): Lang | undefined {
  const flagged = Object.keys(f.units ?? {})[0] as Lang | undefined;
  if (f.code === 'only-in') return f.ru !== undefined ? 'ru' : f.kk !== undefined ? 'kk' : flagged;
  return flagged;
}

/** A finding as a phrase of the interface (`parity.finding.<code>`), the law's title for a finding about a whole law. */
export function findingPhrase(f: ParityFinding, uiLang: Lang, law: string): Phrase {
  const unit = f.eId ? eIdLabel(f.eId, uiLang) : law;
  const lang = languageOf(f);
  const other = lang === 'ru' ? 'kk' : 'ru';
  return phrase(`parity.finding.${f.code}`, {
    unit,
    law,
    lang: lang ? phrase(`parity.inText.${lang}`) : '',
    other: phrase(`parity.inText.${other}`),
    ru: f.code === 'facts' ? factsIn(f.ru, uiLang) : (f.ru ?? '—'),
    kk: f.code === 'facts' ? factsIn(f.kk, uiLang) : (f.kk ?? '—'),
  });
}
