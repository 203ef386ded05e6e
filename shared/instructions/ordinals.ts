/**
 * Ordinal words, as amending laws write the position of a part or a line: "часть вторая", "абзац
 * третий", "екінші бөлік", "part two". Russian ordinals agree with their noun in gender and case.
 */

/** The Russian cases a unit word takes in amending formulas. */
export type RuCase = 'nom' | 'acc' | 'gen' | 'prep' | 'instr';
/** The gender of a Russian unit noun: часть (f), абзац (m). */
export type RuGender = 'm' | 'f';

const RU_UNITS = ['перв', 'втор', 'трет', 'четверт', 'пят', 'шест', 'седьм', 'восьм', 'девят', 'десят', 'одиннадцат', 'двенадцат', 'тринадцат', 'четырнадцат', 'пятнадцат', 'шестнадцат', 'семнадцат', 'восемнадцат', 'девятнадцат'];
const RU_TENS_ORDINAL = ['', '', 'двадцат', 'тридцат', 'сороков', 'пятидесят'];
const RU_TENS_CARDINAL = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят'];
/** Stems that take stressed endings (-ой, not -ый, in the masculine nominative). */
const STRESSED = new Set(['втор', 'шест', 'седьм', 'восьм', 'сороков']);

/** The ending of a Russian ordinal stem in a gender and case. */
function ruEnding(stem: string, gender: RuGender, c: RuCase): string {
  if (stem === 'трет') {
    if (gender === 'm') return { nom: 'ий', acc: 'ий', gen: 'ьего', prep: 'ьем', instr: 'ьим' }[c];
    return { nom: 'ья', acc: 'ью', gen: 'ьей', prep: 'ьей', instr: 'ьей' }[c];
  }
  if (gender === 'm') return { nom: STRESSED.has(stem) ? 'ой' : 'ый', acc: STRESSED.has(stem) ? 'ой' : 'ый', gen: 'ого', prep: 'ом', instr: 'ым' }[c];
  return { nom: 'ая', acc: 'ую', gen: 'ой', prep: 'ой', instr: 'ой' }[c];
}

/** The largest position written as an ordinal word (a line or part beyond it is written in digits). */
export const MAX_ORDINAL = 59;

/** "вторая" / "второй" / "двадцать первом": the Russian ordinal of n (1…59) in a gender and case. */
export function ruOrdinal(n: number, gender: RuGender, c: RuCase): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_ORDINAL) return String(n);
  if (n < 20) {
    const stem = RU_UNITS[n - 1] as string;
    return stem + ruEnding(stem, gender, c);
  }
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (unit === 0) {
    const stem = RU_TENS_ORDINAL[tens] as string;
    return stem + ruEnding(stem, gender, c);
  }
  const stem = RU_UNITS[unit - 1] as string;
  return `${RU_TENS_CARDINAL[tens]} ${stem}${ruEnding(stem, gender, c)}`;
}

const KK_UNITS = ['бірінші', 'екінші', 'үшінші', 'төртінші', 'бесінші', 'алтыншы', 'жетінші', 'сегізінші', 'тоғызыншы'];
const KK_TENS_ORDINAL = ['', 'оныншы', 'жиырмасыншы', 'отызыншы', 'қырқыншы', 'елуінші'];
const KK_TENS_CARDINAL = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу'];

/** "екінші" / "он бірінші": the Kazakh ordinal of n (1…59); Kazakh ordinals do not decline. */
export function kkOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_ORDINAL) return String(n);
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 0) return KK_UNITS[unit - 1] as string;
  if (unit === 0) return KK_TENS_ORDINAL[tens] as string;
  return `${KK_TENS_CARDINAL[tens]} ${KK_UNITS[unit - 1]}`;
}

const EN_UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty'];

/** "two" / "twenty-one": the number an English translation writes after "part" or "line". */
export function enOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_ORDINAL) return String(n);
  if (n < 20) return EN_UNITS[n - 1] as string;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  return unit === 0 ? (EN_TENS[tens] as string) : `${EN_TENS[tens]}-${EN_UNITS[unit - 1]}`;
}

/**
 * Every ordinal word form of a language with its number, longest first, for reading: Russian in
 * both genders and all cases (and "четвёртый" with ё), Kazakh, English; digits are read too.
 */
export function ordinalForms(lang: 'ru' | 'kk' | 'en', gender?: RuGender): { word: string; n: number }[] {
  const out: { word: string; n: number }[] = [];
  for (let n = 1; n <= MAX_ORDINAL; n++) {
    if (lang === 'kk') out.push({ word: kkOrdinal(n), n });
    else if (lang === 'en') out.push({ word: enOrdinal(n), n });
    else {
      for (const g of gender ? [gender] : (['m', 'f'] as RuGender[])) {
        for (const c of ['nom', 'acc', 'gen', 'prep', 'instr'] as RuCase[]) {
          const word = ruOrdinal(n, g, c);
          out.push({ word, n });
          if (word.includes('четверт')) out.push({ word: word.replace('четверт', 'четвёрт'), n });
        }
      }
    }
  }
  const unique = new Map(out.map((o) => [o.word, o]));
  return [...unique.values()].sort((a, b) => b.word.length - a.word.length);
}
