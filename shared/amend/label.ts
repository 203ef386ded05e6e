import type { Lang } from '../law/language';
import type { ProvisionKind } from '../law/kinds';
import type { PathStep } from './types';

const ORDINAL_RU = ['первая', 'вторая', 'третья', 'четвертая', 'пятая', 'шестая', 'седьмая', 'восьмая', 'девятая', 'десятая'];
const ORDINAL_EN = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ORDINAL_KK = ['бірінші', 'екінші', 'үшінші', 'төртінші', 'бесінші', 'алтыншы', 'жетінші', 'сегізінші', 'тоғызыншы', 'оныншы'];

/** How one step of an address is named in each language. */
function stepLabel(step: PathStep, lang: Lang): string {
  const n = step.num;
  const ordinal = (list: string[]) => list[Number(n) - 1] ?? n;
  switch (lang) {
    case 'ru':
      return {
        section: `раздел ${n}`,
        chapter: `глава ${n}`,
        article: `статья ${n}`,
        paragraph: `пункт ${n}`,
        subparagraph: `подпункт ${n})`,
        part: `часть ${ordinal(ORDINAL_RU)}`,
      }[step.kind];
    case 'kk':
      return {
        section: `${n}-бөлім`,
        chapter: `${n}-тарау`,
        article: `${n}-бап`,
        paragraph: `${n}-тармақ`,
        subparagraph: `${n}) тармақша`,
        part: `${ordinal(ORDINAL_KK)} бөлік`,
      }[step.kind];
    case 'en':
      return {
        section: `section ${n}`,
        chapter: `chapter ${n}`,
        article: `article ${n}`,
        paragraph: `paragraph ${n}`,
        subparagraph: `subparagraph ${n})`,
        part: `part ${ordinal(ORDINAL_EN)}`,
      }[step.kind];
  }
}

/**
 * The structural element an address names, as a drafter writes it: `Article 5, paragraph 2,
 * subparagraph 3)` / `Статья 5, пункт 2, подпункт 3)` / `5-бап, 2-тармақ, 3) тармақша`.
 * Articles are numbered through the whole law, so sections and chapters above an article are left
 * out; they are named only when the unit is (or is in the preamble of) a section or chapter.
 */
export function structuralLabel(path: readonly PathStep[], lang: Lang): string {
  const articleAt = path.findIndex((s) => s.kind === 'article');
  const steps = articleAt >= 0 ? path.slice(articleAt) : path;
  const text = steps.map((s) => stepLabel(s, lang)).join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The heading or a line (абзац) of a unit, named as a drafter names it: "заголовок", "абзац 2", "2-абзац", "line 2". */
export function withinLabel(within: { heading?: true; line?: number }, lang: Lang): string {
  if (within.heading) return { ru: 'заголовок', kk: 'тақырып', en: 'heading' }[lang];
  if (within.line !== undefined) return { ru: `абзац ${within.line}`, kk: `${within.line}-абзац`, en: `line ${within.line}` }[lang];
  return '';
}

const KIND_OF_PREFIX: Record<string, ProvisionKind> = { sec: 'section', chp: 'chapter', art: 'article', part: 'part', para: 'paragraph', subpara: 'subparagraph' };

/** The structural element an eId names ("chp_2__art_5__para_2" → "Статья 5, пункт 2"), as structuralLabel writes it; the eId itself when it is not one. */
export function eIdLabel(eId: string, lang: Lang): string {
  const path: PathStep[] = [];
  for (const step of eId.split('__')) {
    if (step === 'intro') continue;
    const m = /^([a-z]+)_(.+)$/.exec(step);
    const kind = m && KIND_OF_PREFIX[m[1] as string];
    if (!m || !kind) return eId;
    path.push({ kind, num: m[2] as string });
  }
  return path.length ? structuralLabel(path, lang) : eId;
}
