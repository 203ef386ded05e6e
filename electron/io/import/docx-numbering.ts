import type { SaxesTagNS } from 'saxes';
import { declaredEncoding, decodeText } from './decode';
import type { ImportLimits } from './limits';
import { walkXml } from './xml';

/** WordprocessingML's namespaces: Transitional (what Word writes by default) and Strict. */
export const W_NAMESPACES: ReadonlySet<string> = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);

/** A WordprocessingML attribute of an element, whatever prefix or flavour (Transitional, Strict) the file uses. */
export function wAttr(tag: SaxesTagNS, local: string): string | null {
  return Object.values(tag.attributes).find((a) => W_NAMESPACES.has(a.uri) && a.local === local)?.value ?? null;
}

/** One level of a list definition: how its number is shown. */
interface Level {
  start: number;
  format: string;
  text: string;
}

/** Where a paragraph's list numbering comes from: a list instance and a level. */
export interface NumberingRef {
  numId: string;
  ilvl: number;
}

/**
 * Word's automatic list numbering (word/numbering.xml), so that a paragraph numbered by Word reads
 * with the number Word displays ("3)", "2.", "Статья 5."): list definitions (abstractNum) with their
 * levels' start, format and text ("%1)"), list instances (num) with their start overrides, counted
 * as Word counts them — per list definition (an instance with a start override on its own), a
 * level restarting when a level above it moves on.
 */
export class DocxNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  /** Reads numbering.xml (absent: no list numbering). */
  static read(xml: Buffer | null, file: string, limits: ImportLimits, checkTime: () => void): DocxNumbering {
    const numbering = new DocxNumbering();
    if (!xml) return numbering;
    let abstractId: string | null = null;
    let level: { ilvl: number; level: Level } | null = null;
    let num: { id: string; abstractId: string; starts: Map<number, number> } | null = null;
    let override: number | null = null;
    walkXml(decodeText(xml, file, declaredEncoding(xml), 'its word/numbering.xml'), file, limits, checkTime, {
      open(tag) {
        if (!W_NAMESPACES.has(tag.uri)) return;
        const val = wAttr(tag, 'val');
        switch (tag.local) {
          case 'abstractNum':
            abstractId = wAttr(tag, 'abstractNumId');
            if (abstractId !== null) numbering.abstracts.set(abstractId, new Map());
            break;
          case 'lvl':
            if (abstractId !== null) level = { ilvl: Number(wAttr(tag, 'ilvl') ?? 0), level: { start: 1, format: 'decimal', text: '' } };
            break;
          case 'start':
            if (level && !num) level.level.start = Number(val ?? 1);
            break;
          case 'numFmt':
            if (level) level.level.format = val ?? 'decimal';
            break;
          case 'lvlText':
            if (level) level.level.text = val ?? '';
            break;
          case 'num':
            num = { id: wAttr(tag, 'numId') ?? '', abstractId: '', starts: new Map() };
            break;
          case 'abstractNumId':
            if (num) num.abstractId = val ?? '';
            break;
          case 'lvlOverride':
            override = Number(wAttr(tag, 'ilvl') ?? 0);
            break;
          case 'startOverride':
            if (num && override !== null) num.starts.set(override, Number(val ?? 1));
            break;
        }
      },
      close(tag) {
        if (!W_NAMESPACES.has(tag.uri)) return;
        if (tag.local === 'lvl' && level && abstractId !== null) {
          numbering.abstracts.get(abstractId)?.set(level.ilvl, level.level);
          level = null;
        } else if (tag.local === 'abstractNum') abstractId = null;
        else if (tag.local === 'num' && num) {
          numbering.instances.set(num.id, { abstractId: num.abstractId, starts: num.starts });
          num = null;
        } else if (tag.local === 'lvlOverride') override = null;
      },
      text() {},
    });
    return numbering;
  }

  /** Whether the file defines the list and level a paragraph refers to. */
  defines(ref: NumberingRef): boolean {
    const instance = this.instances.get(ref.numId);
    return instance !== undefined && this.abstracts.get(instance.abstractId)?.has(ref.ilvl) === true;
  }

  /**
   * The number Word shows before a paragraph of a list, counting it: "3)" for the third item of a
   * "%1)" level. Null for a bullet, for numbering that shows nothing, or for an unknown list
   * (numId 0 is Word's way of saying "not numbered").
   */
  next(ref: NumberingRef): string | null {
    if (ref.numId === '0') return null;
    const instance = this.instances.get(ref.numId);
    const levels = instance ? this.abstracts.get(instance.abstractId) : undefined;
    const level = levels?.get(ref.ilvl);
    if (!instance || !levels || !level) return null;
    const startOf = (ilvl: number) => instance.starts.get(ilvl) ?? levels.get(ilvl)?.start ?? 1;
    // Instances of one list definition go on counting as one list, as Word shows them; an
    // instance that overrides a start is a list of its own (a restart).
    const key = instance.starts.size ? `num ${ref.numId}` : `list ${instance.abstractId}`;
    const counters = this.counters.get(key) ?? [];
    for (let k = 0; k < ref.ilvl; k++) counters[k] ??= startOf(k);
    counters[ref.ilvl] = counters[ref.ilvl] === undefined ? startOf(ref.ilvl) : (counters[ref.ilvl] as number) + 1;
    counters.length = ref.ilvl + 1; // the levels below restart
    this.counters.set(key, counters);
    if (level.format === 'bullet' || level.format === 'none') return null;
    const shown = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      return formatNumber(counters[k] ?? startOf(k), levels.get(k)?.format ?? 'decimal');
    });
    return shown.trim() || null;
  }
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
const RU_LETTERS = 'абвгдежзиклмнопрстуфхцчшщэюя';

/** A counter in one of Word's number formats. */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      let rest = n;
      let out = '';
      for (const [v, s] of ROMAN) while (rest >= v) ((out += s), (rest -= v));
      return format === 'upperRoman' ? out.toUpperCase() : out;
    }
    case 'russianLower':
    case 'russianUpper': {
      const letter = RU_LETTERS[(n - 1) % RU_LETTERS.length] as string;
      return format === 'russianUpper' ? letter.toUpperCase() : letter;
    }
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}
