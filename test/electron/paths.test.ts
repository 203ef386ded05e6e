import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, defaultDatabaseFile } from '../../electron/paths';

describe('where the database lives', () => {
  it('the command line finds the app\'s database where Electron keeps userData on each platform', () => {
    expect(defaultDatabaseFile({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.config/Zan Workbench/zan-workbench.sqlite');
    expect(defaultDatabaseFile({ HOME: '/home/a', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/Zan Workbench/zan-workbench.sqlite');
    expect(defaultDatabaseFile({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Application Support/Zan Workbench/zan-workbench.sqlite');
    expect(defaultDatabaseFile({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'Zan Workbench', 'zan-workbench.sqlite'));
    // The app's own path: userData (the same folder) and the same file name.
    expect(appPaths({ isPackaged: false, appRoot: '/app', resourcesPath: '/res', userData: '/cfg/Zan Workbench' }).databaseFile).toBe(defaultDatabaseFile({ XDG_CONFIG_HOME: '/cfg' }, 'linux'));
  });
});
