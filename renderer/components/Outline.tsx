import type { RefObject } from 'react';
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

/** The table of contents beside the text; a click brings the unit into view. */
export function Outline({ law, onSelect }: { law: LawDoc; onSelect(uid: string): void }) {
  const { t } = useTranslation();
  return (
    <nav className="outline" aria-label={t('law.contents')}>
      <h2 className="outline-title">{t('law.contents')}</h2>
      <ol>
        {outlineOf(law).map((e) => (
          <li key={e.uid} className={`outline-${e.kind}${e.repealed ? ' is-repealed' : ''}`}>
            <button type="button" onClick={() => onSelect(e.uid)} title={`${e.label} ${e.heading}`}>
              <span className="outline-label">{e.label}</span> {e.heading}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Scrolls the editor to a unit and puts the cursor in it. */
export function revealUnit(container: HTMLElement | null, uid: string): void {
  const el = container?.querySelector<HTMLElement>(`[data-uid="${CSS.escape(uid)}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'start', behavior: 'smooth' });
  el.classList.add('is-flash');
  window.setTimeout(() => el.classList.remove('is-flash'), 1200);
}

/** The left column of a document view: the way back to the library and the table of contents. */
export function DocumentSidebar({ law, page }: { law: LawDoc; page: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  return (
    <aside className="sidebar">
      <button type="button" className="link-button back" onClick={() => navigate({ view: 'library' })}>
        ← {t('law.back')}
      </button>
      <Outline law={law} onSelect={(uid) => revealUnit(page.current, uid)} />
    </aside>
  );
}
