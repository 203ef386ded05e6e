import { AKN_LANG } from '../../../shared/akn';
import type { DetectedLaw, ImportFinding } from '../../../shared/import';
import { ALLOWED_CHILDREN, assignEIds, detectLanguage, isRepealedStub, LawStructureError, newUid, validateLaw, type Lang, type LawDoc, type ParentKind, type Provision, type ProvisionKind } from '../../../shared/law';
import type { AknDocument, RawNode } from './akn-document';
import { ImportError } from './limits';

/** Language codes of FRBRlanguage (ISO 639-1, -2/B, -2/T, -3) for the workbench's languages. */
const LANGS = new Map<string, Lang>([
  ...Object.entries(AKN_LANG).map(([lang, code]) => [code, lang as Lang] as [string, Lang]),
  ['ru', 'ru'], ['rus', 'ru'], ['kk', 'kk'], ['kaz', 'kk'], ['kz', 'kk'], ['en', 'en'], ['eng', 'en'],
]);

/**
 * Which unit each Akoma Ntoso element becomes. Civil-law documents (articles, as ours) keep their
 * names; common-law documents (sections, subsections, paragraphs) are read one level deeper —
 * section as article, subsection as paragraph, paragraph as subparagraph — with a warning.
 */
const CIVIL: Record<string, ProvisionKind> = {
  book: 'section', tome: 'section', part: 'section', title: 'section', subtitle: 'section', division: 'section', subdivision: 'chapter',
  chapter: 'chapter', subchapter: 'chapter', section: 'chapter',
  article: 'article',
  paragraph: 'paragraph', subsection: 'paragraph',
  subparagraph: 'subparagraph', point: 'subparagraph', item: 'subparagraph', indent: 'subparagraph', clause: 'subparagraph', subclause: 'subparagraph', rule: 'subparagraph', subrule: 'subparagraph', proviso: 'subparagraph',
  alinea: 'part', hcontainer: 'part', level: 'part', transitional: 'part',
};
const COMMON: Record<string, ProvisionKind> = {
  ...CIVIL,
  section: 'article', subsection: 'paragraph', paragraph: 'subparagraph',
};

/** What an importer's finding says, kept short. */
type Warn = (code: string, where: string, message: string, params?: Record<string, string | number>) => void;

/** A printed number without the words around it ("Статья", "CHAPTER", "Artículo", "-бап") and its brackets and points. */
function coreOf(raw: string): string {
  const text = raw
    .replace(/^(?:[\p{L}§]+\.?\s+)+(?=[\p{N}(\[]|[ivxlcdmIVXLCDM]+\b|[a-zA-Z]\b)/u, '')
    .replace(/^§\s*/u, '')
    .replace(/-?(бап|тарау|бөлім)\.?$/u, '')
    .trim();
  return text.replace(/^[([]/, '').replace(/[)\].:]+$/, '').trim();
}

/**
 * A number as printed, read into ours: "Статья 5-1." → 5-1, "CHAPTER IV" → 4, "(a)" → 1, "12A" →
 * 12-1 (as Kazakh technique numbers an inserted unit), "§ 3" → 3. Letters and Roman numerals of a
 * list of siblings are read as one scheme (decided by the caller); null for no number at all.
 */
function numberOf(raw: string, scheme: 'roman' | 'letters'): string | null {
  const core = coreOf(raw);
  if (/^\d+(?:-\d+)*$/.test(core)) return core;
  const suffixed = /^(\d+)([A-Za-z])$/.exec(core);
  if (suffixed) return `${suffixed[1]}-${(suffixed[2] as string).toLowerCase().charCodeAt(0) - 96}`;
  if (scheme === 'roman' && /^[ivxlcdm]+$/i.test(core)) return String(fromRoman(core));
  if (/^[a-z]{1,2}$/i.test(core)) {
    const c = core.toLowerCase();
    return String((c.length - 1) * 26 + (c.charCodeAt(c.length - 1) - 96));
  }
  if (/^[ivxlcdm]+$/i.test(core)) return String(fromRoman(core));
  const digits = /\d+(?:-\d+)*/.exec(core)?.[0];
  return digits ?? null;
}

function fromRoman(text: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  const s = text.toLowerCase();
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i] as string] as number;
    const b = v[s[i + 1] as string] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

/** Whether the numbers of siblings are Roman numerals ("i", "ii", "iv") rather than letters ("a", "b"). */
function schemeOf(nums: readonly string[]): 'roman' | 'letters' {
  const cores = nums.map((n) => coreOf(n).toLowerCase()).filter((c) => /^[a-z]+$/.test(c));
  return cores.length && cores.every((c) => /^[ivxlcdm]+$/.test(c)) && cores.some((c) => c.length > 1 || c === 'i') ? 'roman' : 'letters';
}

/**
 * Maps an Akoma Ntoso document read by readAknDocument onto a law: elements onto units (the
 * common-law hierarchy one level deeper), numbers printed any way onto ours, an article's intro or
 * content onto its own text (its lead-in before its points), a unit that cannot stand where it
 * stands onto lines of the unit above (a point inside a point) or its children onto its parent (a
 * section inside a chapter). Every mapping that changes what the document says is a warning.
 */
export function aknToLaw(doc: AknDocument, file: string, options: { lang?: Lang; makeUid?: () => string }): DetectedLaw {
  const findings: ImportFinding[] = [];
  const warned = new Set<string>();
  const warn: Warn = (code, where, message, params) => {
    if (warned.has(`${code}|${message}`)) return;
    warned.add(`${code}|${message}`);
    findings.push({ severity: 'warning', code, where, message, ...(params ? { params } : {}) });
  };
  const makeUid = options.makeUid ?? newUid;
  const all: RawNode[] = [];
  const walk = (nodes: RawNode[]) => nodes.forEach((n) => (all.push(n), walk(n.children)));
  walk(doc.body);
  const common = !all.some((n) => n.element === 'article') && all.some((n) => n.element === 'section');
  if (common) warn('COMMON_LAW', file, 'The document is organised in sections and subsections (common-law style): sections read as articles, subsections as paragraphs, paragraphs as subparagraphs.');
  const table = common ? COMMON : CIVIL;
  const lang = languageOf(doc, all, file, options.lang, warn);

  /** A node's own text lines: its intro, content and wrap-up. */
  const ownLines = (n: RawNode) => [...n.lines.intro, ...n.lines.content, ...n.lines.wrapUp];
  /** The text a node stands for when it cannot be a unit where it is: "(a) its text". */
  const asLines = (n: RawNode): string[] => {
    const head = [n.num, n.heading].filter(Boolean).join(' ');
    const own = ownLines(n);
    const first = [head, own[0] ?? ''].filter(Boolean).join(' ');
    return [...(first ? [first] : []), ...own.slice(1), ...n.children.flatMap(asLines)];
  };

  // `leadIn`: the parent is an article with text of its own, which its points follow.
  const convert = (nodes: RawNode[], parent: ParentKind, where: string, leadIn = false): { units: Provision[]; lines: string[] } => {
    const units: Provision[] = [];
    const lines: string[] = [];
    // Numbers of siblings of one element are read with one scheme (Roman numerals or letters).
    const schemes = new Map<string, 'roman' | 'letters'>();
    for (const element of new Set(nodes.map((n) => n.element))) schemes.set(element, schemeOf(nodes.filter((n) => n.element === element).map((n) => n.num)));
    const counters = new Map<ProvisionKind, number>();
    const renumbered: { from: string; to: string; label: string }[] = [];
    for (const node of nodes) {
      let kind = table[node.element] ?? 'part';
      if (node.element === 'list') {
        // A list's introduction is text of the unit above; its items stand where it stands.
        lines.push(...node.lines.intro);
        const inner = convert(node.children, parent, where, leadIn || node.lines.intro.length > 0);
        units.push(...inner.units);
        lines.push(...inner.lines, ...node.lines.wrapUp);
        continue;
      }
      const label = `${where}${node.num || node.element}`;
      if (kind === 'paragraph' && !node.num) kind = 'part';
      if (!ALLOWED_CHILDREN[parent].includes(kind) && !(leadIn && parent === 'article' && kind === 'subparagraph')) {
        if (kind === 'section' || kind === 'chapter') {
          // A division where ours has none: its units stand in the unit above.
          warn('FLATTENED', label, `A ${node.element} ("${[node.num, node.heading].filter(Boolean).join(' ')}") stands where the workbench has no such level; its units were read into the unit above.`, { element: node.element, unit: [node.num, node.heading].filter(Boolean).join(' ') });
          const inner = convert(node.children, parent, where);
          units.push(...inner.units);
          lines.push(...inner.lines);
          continue;
        }
        if (kind === 'subparagraph' && parent === 'article') kind = 'paragraph';
        else if (kind === 'paragraph' && (parent === 'section' || parent === 'chapter' || parent === 'root')) kind = 'part';
        else {
          warn('AS_TEXT', label, `A ${node.element} inside a ${parent} cannot be a unit of its own; it was read as lines of the text above.`, { element: node.element, parent });
          lines.push(...asLines(node));
          continue;
        }
      }
      let num = '';
      if (kind !== 'part') {
        const read = node.num ? numberOf(node.num, schemes.get(node.element) ?? 'letters') : null;
        const next = (counters.get(kind) ?? 0) + 1;
        if (read === null) {
          num = String(next);
          warn('NUMBERED', label, `A ${node.element} without a number${node.num ? ` the workbench can read ("${node.num}")` : ''} was numbered ${num} by its place.`, { element: node.element, num });
        } else {
          num = read;
          if (coreOf(node.num) !== read) renumbered.push({ from: node.num, to: read, label });
        }
        counters.set(kind, Number(num.split('-')[0]) || next);
      }
      const unit: Provision = { uid: makeUid(), eId: '', kind, num, heading: node.heading, text: '', repealed: false, notes: [...node.notes], children: [] };
      const inner = convert(node.children, kind, `${label} › `, kind === 'article' && node.lines.intro.length + node.lines.content.length > 0);
      if (kind === 'article' || kind === 'section' || kind === 'chapter') {
        // An article's own text (intro or content) is its lead-in part: its points follow it.
        const own = [...node.lines.intro, ...node.lines.content, ...inner.lines];
        const subs = inner.units.filter((u) => u.kind === 'subparagraph');
        if (own.length && kind === 'article') {
          // Each line of an article's own text is a part; the last one leads its points (its intro).
          const parts = own.map((line): Provision => ({ uid: makeUid(), eId: '', kind: 'part', num: '', heading: '', text: line, repealed: false, notes: [], children: [] }));
          const lead = parts[parts.length - 1] as Provision;
          lead.notes = [...node.textNotes];
          lead.children = subs;
          unit.children = [...parts, ...inner.units.filter((u) => u.kind !== 'subparagraph')];
        } else {
          unit.children = [...own.map((line): Provision => ({ uid: makeUid(), eId: '', kind: 'part', num: '', heading: '', text: line, repealed: false, notes: [], children: [] })), ...inner.units];
          // Notes in an own text with no words of its own (an older export) are the unit's.
          if (own.length === 0) unit.notes.push(...node.textNotes);
          else (unit.children[own.length - 1] as Provision).notes.push(...node.textNotes);
        }
        if (node.lines.wrapUp.length) unit.children.push(...node.lines.wrapUp.map((line): Provision => ({ uid: makeUid(), eId: '', kind: 'part', num: '', heading: '', text: line, repealed: false, notes: [], children: [] })));
      } else {
        unit.text = [...ownLines(node), ...inner.lines].join('\n');
        unit.notes.push(...node.textNotes);
        unit.children = inner.units;
      }
      unit.repealed = node.repealed || isRepealedStub(unit.kind === 'article' || unit.kind === 'chapter' || unit.kind === 'section' ? unit.heading : unit.text, lang);
      units.push(unit);
    }
    if (renumbered.length) {
      const shown = renumbered.slice(0, 3);
      warn('RENUMBERED', renumbered[0]!.label, `Numbers such as ${shown.map((r) => `"${r.from}"`).join(', ')} were read as ${shown.map((r) => r.to).join(', ')} (the workbench numbers units 1, 2, 5-1).`, { from: shown.map((r) => `"${r.from}"`).join(', '), to: shown.map((r) => r.to).join(', ') });
    }
    return { units, lines };
  };

  const { units: body, lines: loose } = convert(doc.body, 'root', '');
  if (loose.length) body.unshift(...loose.map((line): Provision => ({ uid: makeUid(), eId: '', kind: 'part', num: '', heading: '', text: line, repealed: false, notes: [], children: [] })));
  if (body.length === 0) throw new ImportError('NOT_A_LAW', file, 'its body holds no provisions.');
  if (doc.unknown.size) findings.push({ severity: 'warning', code: 'UNKNOWN_ELEMENT', where: file, message: `Elements read as plain text or left out: ${[...doc.unknown].sort().join(', ')}.`, params: { elements: [...doc.unknown].sort().join(', ') } });
  const law: LawDoc = { lang, body };
  assignEIds(law.body);
  try {
    validateLaw(law);
  } catch (error) {
    if (!(error instanceof LawStructureError)) throw error;
    findings.push({ severity: 'error', code: error.code, where: error.where.eId ?? file, message: error.message });
  }
  return { lang, title: doc.title, act: actOf(doc.workUri), law, findings };
}

/** The language of the document: its FRBRlanguage in any of the codes in use, else what its headings say. */
function languageOf(doc: AknDocument, all: readonly RawNode[], file: string, chosen: Lang | undefined, warn: Warn): Lang {
  if (chosen) return chosen;
  const code = doc.language?.toLowerCase() ?? null;
  const known = code ? LANGS.get(code) : undefined;
  if (known) return known;
  const detected = detectLanguage(all.map((n) => `${n.num} ${n.heading}`).join('\n'));
  if (code) {
    warn('OTHER_LANGUAGE', file, `The document is in the language "${code}"; the workbench keeps texts in Kazakh, Russian or English, so it was read as ${detected ?? 'en'}. Choose the language if that is wrong.`, { code, lang: detected ?? 'en' });
    return detected ?? 'en';
  }
  if (detected) {
    warn('NO_LANGUAGE', file, `The document does not say its language (FRBRlanguage); its headings read as ${detected}.`, { lang: String(detected) });
    return detected;
  }
  throw new ImportError('NOT_A_LAW', file, 'it does not say its language (FRBRlanguage), and its headings do not tell it; choose the language.');
}

/** The act's kind, date and number from the work's FRBR URI (`/akn/kz/act/[code/]2024-07-01/103-VIII`). */
function actOf(uri: string | null): DetectedLaw['act'] {
  const m = uri ? /^\/akn\/[a-z-]+\/act\/(?:([a-z]+)\/)?(\d{4}-\d{2}-\d{2})\/([^/]+)/.exec(uri) : null;
  if (!m || m[2] === '0000-00-00') return null;
  return { kind: m[1] === 'code' ? 'code' : 'law', date: m[2]!, number: m[3] === 'nn' ? '' : m[3]! };
}
