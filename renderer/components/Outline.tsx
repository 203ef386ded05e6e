import { memo, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { headingLabel, type LawDoc, type Provision } from '../../shared/law';
import { navigate } from '../router';

/** One line of the table of contents. */
interface OutlineEntry {
  uid: string;
  kind: 'section' | 'chapter' | 'article';
  label: string;
  heading: string;
  repealed: boolean;
}

/** The sections, chapters and articles of a law, in order. */
export function outlineOf(law: LawDoc): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const visit = (units: Provision[]) => {
    for (const u of units) {
      if (u.kind !== 'section' && u.kind !== 'chapter' && u.kind !== 'article') continue;
      out.push({ uid: u.uid, kind: u.kind, label: headingLabel(law.lang, u.kind, u.num), heading: u.heading, repealed: u.repealed });
      visit(u.children);
    }
  };
  visit(law.body);
  return out;
}

/** Above this many entries the outline draws only the lines near its visible part, one height each. */
const WINDOWED_FROM = 300;
/** The height of one line of a windowed outline (styles.css: .outline.is-windowed li). */
const ROW = 26;
/** Lines drawn above and below the visible ones. */
const OVERSCAN = 30;

/** The lines of a windowed list to draw: those the scroll container shows, and some around them. */
function useWindow(count: number, windowed: boolean, list: RefObject<HTMLOListElement | null>): { from: number; to: number } {
  const [range, setRange] = useState({ from: 0, to: Math.min(count, 2 * OVERSCAN) });
  useEffect(() => {
    const el = list.current;
    const scroller = el?.closest('.sidebar');
    if (!windowed || !el || !scroller) return;
    const update = () => {
      const top = scroller.getBoundingClientRect().top - el.getBoundingClientRect().top;
      const from = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
      const to = Math.min(count, Math.ceil((top + scroller.clientHeight) / ROW) + OVERSCAN);
      setRange((r) => (r.from === from && r.to === to ? r : { from, to }));
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      scroller.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [count, windowed, list]);
  return windowed ? range : { from: 0, to: count };
}

/**
 * The table of contents beside the text; a click brings the unit into view. A code's outline (a
 * thousand articles and more) is windowed: only the lines near the visible part are in the DOM,
 * each one line high, in a list of the full height, so it scrolls as the whole list would.
 */
export const Outline = memo(function Outline({ law, onSelect }: { law: LawDoc; onSelect(uid: string): void }) {
  const { t } = useTranslation();
  const entries = useMemo(() => outlineOf(law), [law]);
  const windowed = entries.length >= WINDOWED_FROM;
  const list = useRef<HTMLOListElement>(null);
  const { from, to } = useWindow(entries.length, windowed, list);
  return (
    <nav className={`outline${windowed ? ' is-windowed' : ''}`} aria-label={t('law.contents')}>
      <h2 className="outline-title">{t('law.contents')}</h2>
      <ol ref={list} style={windowed ? { height: entries.length * ROW } : undefined}>
        {entries.slice(from, to).map((e, k) => (
          <li key={e.uid} className={`outline-${e.kind}${e.repealed ? ' is-repealed' : ''}`} style={windowed ? { top: (from + k) * ROW } : undefined}>
            <button type="button" onClick={() => onSelect(e.uid)} title={`${e.label} ${e.heading}`} data-outline-uid={e.uid}>
              <span className="outline-label">{e.label}</span> {e.heading}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
});

/**
 * The left column of a document view: the way back to the library and the table of contents.
 * Memoised: it draws again when the law's outline or the handler changes, not on each keystroke.
 */
export const DocumentSidebar = memo(function DocumentSidebar({ law, onSelect }: { law: LawDoc; onSelect(uid: string): void }) {
  const { t } = useTranslation();
  return (
    <aside className="sidebar">
      <button type="button" className="link-button back" onClick={() => navigate({ view: 'library' })}>
        ← {t('law.back')}
      </button>
      <Outline law={law} onSelect={onSelect} />
    </aside>
  );
});
