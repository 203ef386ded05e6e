import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { backupsCommand } from './commands/backups-command';
import { CommandProvider, useRegisterCommands, type AppCommand } from './commands/registry';
import { BackupsDialog } from './components/BackupsDialog';
import { CommandPalette, openPalette } from './components/CommandPalette';
import { FirstStartGuide, showGuideAgain } from './components/FirstStartGuide';
import { IdentityButton } from './components/IdentityButton';
import { TeamButton } from './components/TeamButton';
import { openTeamDialog, TeamDialog } from './components/TeamDialog';
import { setUiLanguage, UI_LANGUAGE_NAMES, UI_LANGUAGES, type UiLanguage } from './i18n';
import { navigate, useRoute } from './router';
import { ParallelDraftView } from './views/ParallelDraftView';
import { ParallelLawView } from './views/ParallelLawView';
import { DraftView } from './views/DraftView';
import { LawView } from './views/LawView';
import { GapsView } from './views/GapsView';
import { LibraryView } from './views/LibraryView';
import { PackageDocumentsView } from './views/PackageDocumentsView';
import { AuditView } from './views/AuditView';
import { HelpView } from './views/HelpView';
import { SearchView } from './views/SearchView';

/** The commands of the whole app: where to go, help, the guide and the backups (the open view adds its own). */
function useAppCommands(): void {
  const commands = useMemo<AppCommand[]>(
    () => [
      { id: 'app.library', title: 'commands.library', group: 'app', run: () => navigate({ view: 'library' }) },
      { id: 'app.search', title: 'commands.search', group: 'app', run: () => navigate({ view: 'search', query: '' }) },
      { id: 'app.gaps', title: 'commands.gaps', group: 'app', run: () => navigate({ view: 'gaps' }) },
      { id: 'app.help', title: 'commands.help', group: 'app', run: () => navigate({ view: 'help' }) },
      { id: 'app.guide', title: 'commands.guide', group: 'app', run: showGuideAgain },
      backupsCommand,
      { id: 'app.team', title: 'commands.teamServer', group: 'app', run: openTeamDialog },
      { id: 'app.palette', title: 'commands.palette', keys: 'Ctrl+K / F1', group: 'app', run: openPalette },
    ],
    [],
  );
  useRegisterCommands('app', commands);
}

/** The window: the title bar with navigation, team mode's status and the interface language, the current view, the command palette, the backups and team server dialogs and the first-start guide. */
export function App() {
  return (
    <CommandProvider>
      <Window />
      <CommandPalette />
      <BackupsDialog />
      <TeamDialog />
      <FirstStartGuide />
    </CommandProvider>
  );
}

function Window() {
  const { t, i18n } = useTranslation();
  useAppCommands();
  const route = useRoute();
  return (
    <div className="app">
      <header className="titlebar">
        <button type="button" className="brand" onClick={() => navigate({ view: 'library' })} data-testid="nav-library">
          <span className="brand-mark" aria-hidden="true">
            З
          </span>
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </button>
        <nav className="titlebar-nav">
          <button type="button" className={`nav-link${route.view === 'library' ? ' is-active' : ''}`} onClick={() => navigate({ view: 'library' })}>
            {t('nav.library')}
          </button>
          <button type="button" className={`nav-link${route.view === 'search' ? ' is-active' : ''}`} onClick={() => navigate({ view: 'search', query: '' })} data-testid="nav-search">
            {t('nav.search')}
          </button>
          <button type="button" className={`nav-link${route.view === 'gaps' ? ' is-active' : ''}`} onClick={() => navigate({ view: 'gaps' })} data-testid="nav-gaps">
            {t('nav.gaps')}
          </button>
          <button type="button" className={`nav-link${route.view === 'help' ? ' is-active' : ''}`} onClick={() => navigate({ view: 'help' })} data-testid="nav-help">
            {t('nav.help')}
          </button>
          <button type="button" className="nav-link" title="Ctrl+K / F1" onClick={openPalette} data-testid="nav-commands">
            {t('nav.commands')} <kbd>Ctrl+K</kbd>
          </button>
          <TeamButton />
          <IdentityButton />
          <label className="ui-lang">
            <span className="visually-hidden">{t('nav.uiLanguage')}</span>
            <select value={i18n.language} onChange={(e) => void setUiLanguage(e.target.value as UiLanguage)} aria-label={t('nav.uiLanguage')} data-testid="ui-language">
              {UI_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {UI_LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
        </nav>
      </header>
      <div className="content">
        {route.view === 'library' && <LibraryView />}
        {route.view === 'law' && <LawView key={route.versionId} versionId={route.versionId} find={route.find} />}
        {route.view === 'draft' && <DraftView key={route.versionId} packageId={route.packageId} versionId={route.versionId} find={route.find} />}
        {route.view === 'parallel' && <ParallelDraftView key={`${route.ru}/${route.kk}`} packageId={route.packageId} ru={route.ru} kk={route.kk} />}
        {route.view === 'parallel-law' && <ParallelLawView key={`${route.ru}/${route.kk}`} ru={route.ru} kk={route.kk} />}
        {route.view === 'search' && <SearchView query={route.query} />}
        {route.view === 'package' && <PackageDocumentsView key={route.packageId} packageId={route.packageId} />}
        {route.view === 'audit' && <AuditView key={route.packageId} packageId={route.packageId} uid={route.uid} />}
        {route.view === 'gaps' && <GapsView />}
        {route.view === 'help' && <HelpView />}
      </div>
    </div>
  );
}
