import { LANGS, type Lang } from '../language';
import { HEADING_KINDS, MARKERS } from './markers';

/**
 * Guesses the language of a law text from its heading and footnote lines (`Статья 5.` is Russian,
 * `5-бап.` Kazakh, `Article 5.` English). Returns null when no line decides it.
 */
export function detectLanguage(text: string): Lang | null {
  const score: Record<Lang, number> = { ru: 0, kk: 0, en: 0 };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    for (const lang of LANGS) {
      const m = MARKERS[lang];
      if (m.footnote.test(line) || HEADING_KINDS.some((k) => m.heading[k].test(line))) score[lang] += 1;
    }
  }
  const best = LANGS.reduce((a, b) => (score[b] > score[a] ? b : a));
  return score[best] > 0 ? best : null;
}
