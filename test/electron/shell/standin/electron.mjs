// A recording stand-in for the 'electron' module, for running the built main process under plain
// Node (startup.test.ts). It does what the real module would do for the calls the app makes — the app
// becomes ready after its first turn, windows open and close, quitting closes them and emits the
// quit events — records every call in the log (record.mjs), and refuses what it does not know:
// reading a member it lacks throws and is recorded, so a main process that starts using an Electron
// API the test has never seen fails the test instead of passing unexamined. A named import it lacks
// fails already when main.js is linked. It also holds Electron's order rules: schemes are made
// privileged before ready, windows and protocol handlers after, one IPC handler per channel.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drive } from './drive.mjs';
import { record } from './record.mjs';

const env = process.env;

/** What the stand-in keeps of the app's calls, for drive.mjs to play the page's part against. */
const state = {
  ready: false,
  quitting: false,
  windows: [],
  ipcHandlers: new Map(),
  protocolHandlers: new Map(),
  windowOpenHandlers: new Map(),
  headerHooks: [],
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  /** The answers dialog.showMessageBox gives, in turn (drive.mjs sets them); Cancel when none is left. */
  dialogAnswers: [],
  shown: new Set(),
};

/**
 * Wraps an object so that reading a member it lacks is recorded and throws (symbols, and `then` —
 * asked of anything awaited — are let through as undefined).
 */
function strict(name, target) {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key in object) return Reflect.get(object, key, receiver);
      if (key === 'then') return undefined;
      record('unknown', { api: `${name}.${key}` });
      throw new Error(`The Electron stand-in does not know ${name}.${key} (test/electron/shell/standin/electron.mjs).`);
    },
  });
}

/** Records a call to the stand-in. */
function called(api, ...args) {
  record('call', { api, args });
}

/** Emits an event whose listeners may call preventDefault(); true when one did. */
function emitPreventable(emitter, name, ...rest) {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  emitter.emit(name, event, ...rest);
  return event.defaultPrevented;
}

const PATHS = {
  userData: env.ZAN_STANDIN_USER_DATA,
  documents: env.ZAN_STANDIN_USER_DATA && join(env.ZAN_STANDIN_USER_DATA, 'Documents'),
  temp: env.ZAN_STANDIN_USER_DATA && join(env.ZAN_STANDIN_USER_DATA, 'Temp'),
};

const appObject = Object.assign(new EventEmitter(), {
  // Packaged unless the test runs the development layout (ZAN_STANDIN_PACKAGED=0).
  isPackaged: env.ZAN_STANDIN_PACKAGED !== '0',
  whenReady() {
    called('app.whenReady');
    return readyPromise;
  },
  isReady() {
    return state.ready;
  },
  getAppPath() {
    return env.ZAN_STANDIN_APP_ROOT;
  },
  getPath(name) {
    called('app.getPath', name);
    const path = PATHS[name];
    if (!path) throw new Error(`The Electron stand-in has no path "${name}".`);
    return path;
  },
  getVersion() {
    return JSON.parse(readFileSync(join(env.ZAN_STANDIN_APP_ROOT, 'package.json'), 'utf8')).version;
  },
  getLocale() {
    return env.ZAN_STANDIN_LOCALE ?? 'ru';
  },
  getPreferredSystemLanguages() {
    return ['ru-RU'];
  },
  requestSingleInstanceLock() {
    called('app.requestSingleInstanceLock');
    return true;
  },
  quit() {
    called('app.quit');
    setImmediate(quitSequence);
  },
  exit(code = 0) {
    called('app.exit', code);
    process.exit(code);
  },
});

/** The app module. */
export const app = strict('app', appObject);

// Electron's own loop keeps the process alive until the app quits, whatever the app has pending
// (its worker threads are unref'd); this timer does that here, and quitSequence clears it.
const alive = setInterval(() => {}, 1 << 30);

let resolveReady;
const readyPromise = new Promise((resolve) => (resolveReady = resolve));
// Electron is ready once the main script's first turn has run (it registered its schemes then).
setImmediate(() => {
  state.ready = true;
  record('ready');
  app.emit('ready', {});
  resolveReady();
});

process.on('exit', (code) => record('exit', { code }));

/** app.quit as Electron does it: before-quit, every window closed (no window-all-closed then), will-quit, quit. */
function quitSequence() {
  if (state.quitting) return;
  state.quitting = true;
  if (emitPreventable(app, 'before-quit')) return void (state.quitting = false);
  for (const win of [...state.windows]) win.close();
  if (state.windows.length > 0) return void (state.quitting = false);
  if (emitPreventable(app, 'will-quit')) return void (state.quitting = false);
  app.emit('quit', {}, 0);
  clearInterval(alive);
  // Electron would end the process here; the stand-in lets Node end it once nothing is left
  // running, so a worker, a timer or a database the app left open keeps the process alive and the
  // test sees it.
  record('quit');
}

const defaultSession = strict('session', {
  webRequest: strict('webRequest', {
    onHeadersReceived(listener) {
      called('session.webRequest.onHeadersReceived', listener);
      state.headerHooks.push(listener);
    },
  }),
  setPermissionRequestHandler(handler) {
    called('session.setPermissionRequestHandler', handler);
    state.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler) {
    called('session.setPermissionCheckHandler', handler);
    state.permissionCheckHandler = handler;
  },
  availableSpellCheckerLanguages: ['en-US', 'ru', 'kk', 'de'],
  setSpellCheckerLanguages(langs) {
    called('session.setSpellCheckerLanguages', langs);
  },
});

/** The session module. */
export const session = strict('session module', { defaultSession });

let nextWebContentsId = 0;

function makeWebContents(win) {
  const contents = strict(
    'webContents',
    Object.assign(new EventEmitter(), {
      id: ++nextWebContentsId,
      session: defaultSession,
      setWindowOpenHandler(handler) {
        called('webContents.setWindowOpenHandler', handler);
        state.windowOpenHandlers.set(contents, handler);
      },
      isDestroyed() {
        return win.destroyed;
      },
    }),
  );
  return contents;
}

class StandInWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    if (!state.ready) throw new Error('new BrowserWindow before the app is ready');
    called('new BrowserWindow', options);
    this.destroyed = false;
    this.webContents = makeWebContents(this);
    const self = strict('BrowserWindow', this);
    state.windows.push(self);
    // Electron announces the window's web contents while constructing it, before any code of the app runs on it.
    app.emit('web-contents-created', {}, this.webContents);
    return self;
  }

  loadURL(url) {
    called('BrowserWindow.loadURL', url);
    // The stand-in plays the page once the first window loads it (drive.mjs).
    if (state.windows.length === 1 && env.ZAN_STANDIN_DRIVE !== 'off') setImmediate(() => drive(state, this, url));
    return Promise.resolve();
  }

  loadFile(file) {
    called('BrowserWindow.loadFile', file);
    return Promise.resolve();
  }

  show() {
    called('BrowserWindow.show');
    state.shown.add(this);
  }

  isMinimized() {
    return false;
  }

  restore() {}

  focus() {}

  isDestroyed() {
    return this.destroyed;
  }

  close() {
    called('BrowserWindow.close');
    if (this.destroyed || emitPreventable(this, 'close')) return;
    this.destroy();
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    state.windows.splice(state.windows.indexOf(this), 1);
    this.emit('closed');
    if (state.windows.length === 0 && !state.quitting) app.emit('window-all-closed');
  }
}

/** The BrowserWindow class (its statics are as strict as its instances). */
export const BrowserWindow = strict('BrowserWindow', StandInWindow);

/** The ipcMain module: one handler per channel, as Electron allows. */
export const ipcMain = strict('ipcMain', {
  handle(channel, handler) {
    if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    called('ipcMain.handle', channel);
    state.ipcHandlers.set(channel, handler);
  },
});

/** The protocol module, with Electron's rules on when each call may be made. */
export const protocol = strict('protocol', {
  registerSchemesAsPrivileged(schemes) {
    if (state.ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready');
    called('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme, handler) {
    if (!state.ready) throw new Error('protocol.handle before the app is ready');
    if (state.protocolHandlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    called('protocol.handle', scheme);
    state.protocolHandlers.set(scheme, handler);
  },
});

/** The dialog module: answers as drive.mjs scripted, Cancel otherwise; save and open dialogs are cancelled. */
export const dialog = strict('dialog', {
  showErrorBox(title, content) {
    called('dialog.showErrorBox', title, content);
  },
  showMessageBox(...args) {
    const options = args.length > 1 ? args[1] : args[0];
    called('dialog.showMessageBox', { withWindow: args.length > 1, options });
    const response = state.dialogAnswers.length ? state.dialogAnswers.shift() : (options.cancelId ?? 0);
    return Promise.resolve({ response, checkboxChecked: false });
  },
  // The start's own questions (a database refused: restore a backup?), before any window: answered
  // from ZAN_STANDIN_SYNC_ANSWERS in turn (built-app.ts), Cancel when none is left.
  showMessageBoxSync(...args) {
    const options = args.length > 1 ? args[1] : args[0];
    called('dialog.showMessageBoxSync', { options });
    const answers = (process.env['ZAN_STANDIN_SYNC_ANSWERS'] ?? '').split(',').filter(Boolean);
    const response = answers.length ? Number(answers.shift()) : (options.cancelId ?? 0);
    process.env['ZAN_STANDIN_SYNC_ANSWERS'] = answers.join(',');
    return response;
  },
  showSaveDialog(...args) {
    called('dialog.showSaveDialog', args[args.length - 1]);
    return Promise.resolve({ canceled: true, filePath: '' });
  },
  showOpenDialog(...args) {
    called('dialog.showOpenDialog', args[args.length - 1]);
    return Promise.resolve({ canceled: true, filePaths: [] });
  },
});

/** The shell module. */
export const shell = strict('shell', {
  openExternal(url) {
    called('shell.openExternal', url);
    return Promise.resolve();
  },
});

/**
 * safeStorage, as issue 16's keychain-held audit key uses it (electron/services/audit/install-key.ts): available, and reversible (the
 * stand-in keeps no secret; it only has to give back what it was given).
 */
export const safeStorage = strict('safeStorage', {
  isEncryptionAvailable() {
    return true;
  },
  encryptString(text) {
    called('safeStorage.encryptString');
    return Buffer.from(`stand-in:${text}`, 'utf8');
  },
  decryptString(bytes) {
    called('safeStorage.decryptString');
    return Buffer.from(bytes).toString('utf8').replace(/^stand-in:/, '');
  },
  // Linux only in Electron: the keychain chosen ("basic_text" would mean none).
  getSelectedStorageBackend() {
    return 'gnome_libsecret';
  },
});

/** The module as a whole (`import electron from 'electron'`), as strict as its parts. */
export default strict('electron', { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell });
