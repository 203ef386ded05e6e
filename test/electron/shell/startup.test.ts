import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { runCli } from '../../../electron/cli/run';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../../electron/io/corpus';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES } from '../../../electron/shell/app-url';
import { createServiceContext } from '../../../electron/services/context';
import { listGaps } from '../../../electron/services/gaps';
import { listLibrary } from '../../../electron/services/library';
import { listPackages } from '../../../electron/services/packages';
import { parseSamplePackage } from '../../../electron/services/sample-package';
import { openDatabase } from '../../../electron/store/database';
import { createStore } from '../../../electron/store/store';
import { connectionOf } from '../../../electron/store/connection';
import { mainWindowOptions } from '../../../electron/window-policy';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { CHANNEL_NAMES, contract, ipcChannel } from '../../../shared/ipc';
import { ROOT, loadBuilderConfig } from './builder-config';
import { buildApp, callsOf, layOutDevelopment, layOutResources, probeOf, runBuiltMain, type LogEntry, type MainRun } from './built-app';
import { tempDir } from '../harness';

const CORPUS = join(ROOT, 'resources', 'corpus');
/** Where electron-vite's dev server is, as it tells the main process (no trailing slash). */
const DEV_SERVER = 'http://localhost:5173';
const SAMPLE_TITLE = parseSamplePackage(JSON.parse(readFileSync(join(ROOT, 'resources', 'sample-package', 'package.json'), 'utf8'))).title;

/** What a run left of the database: its laws, packages and gaps, read with the app's own store. */
function readDatabase(file: string) {
  const store = createStore(openDatabase(file));
  try {
    const ctx = createServiceContext(store);
    return { laws: listLibrary(ctx).length, packages: listPackages(ctx).map((p) => p.title), gaps: listGaps(ctx).length };
  } finally {
    connectionOf(store).close();
  }
}

/** The reply of one recorded IPC call, as drive.mjs recorded it. */
type Reply = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

/** Says what went wrong with a run, for a failing expectation. */
function told(run: MainRun): string {
  return `exit ${run.code} (signal ${run.signal}${run.timedOut ? ', killed after the time given' : ''})\nstderr:\n${run.stderr}\nlast log entries:\n${run.log
    .slice(-8)
    .map((e) => JSON.stringify(e).slice(0, 300))
    .join('\n')}`;
}

describe('the built main process, started under Node against a recording stand-in for electron', () => {
  let work: string;
  let appRoot: string;
  let resources: string;
  let userData: string;
  let cleanupUserData: () => void;
  let first: MainRun;
  let leftBeside: string[];
  let afterFirst: ReturnType<typeof readDatabase>;
  let second: MainRun;
  let dev: MainRun;
  let cleanupDevData: () => void;
  // A start on a damaged database, the newest backup restored (answer 0), and one declined (Cancel).
  let damaged: { restored: MainRun; restoredData: string; declined: MainRun; declinedData: string; damagedBytes: Buffer };

  beforeAll(async () => {
    // Inside the project, so that the built files resolve node_modules (the test's own, ignored by git).
    mkdirSync(join(ROOT, '.zan-test'), { recursive: true });
    work = mkdtempSync(join(ROOT, '.zan-test', 'startup-'));
    appRoot = buildApp(join(work, 'app'));
    resources = layOutResources(join(work, 'resources'), await loadBuilderConfig());
    const user = tempDir();
    userData = user.dir;
    cleanupUserData = user.cleanup;
    first = await runBuiltMain({ appRoot, resources, userData });
    leftBeside = readdirSync(userData).filter((name) => name.startsWith('zan-workbench.sqlite'));
    afterFirst = readDatabase(join(userData, 'zan-workbench.sqlite'));
    second = await runBuiltMain({ appRoot, resources, userData });
    const damagedCopy = (name: string) => {
      const copy = join(work, name);
      cpSync(userData, copy, { recursive: true });
      truncateSync(join(copy, 'zan-workbench.sqlite'), 8192);
      return copy;
    };
    const restoredData = damagedCopy('damaged-restored');
    const declinedData = damagedCopy('damaged-declined');
    damaged = {
      restored: await runBuiltMain({ appRoot, resources, userData: restoredData, syncAnswers: [0] }),
      restoredData,
      declined: await runBuiltMain({ appRoot, resources, userData: declinedData }),
      declinedData,
      damagedBytes: readFileSync(join(declinedData, 'zan-workbench.sqlite')),
    };
    layOutDevelopment(appRoot);
    const devData = tempDir();
    cleanupDevData = devData.cleanup;
    dev = await runBuiltMain({ appRoot, resources, userData: devData.dir, devServerUrl: DEV_SERVER });
  }, 180_000);

  afterAll(() => {
    cleanupUserData?.();
    cleanupDevData?.();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('starts and quits without throwing, without an error box, and uses no Electron API the stand-in does not know', () => {
    expect(first.timedOut, told(first)).toBe(false);
    expect(first.code, told(first)).toBe(0);
    expect(first.log.filter((e) => e.t === 'unknown')).toEqual([]);
    expect(callsOf(first, 'dialog.showErrorBox')).toEqual([]);
    // All it printed are the refusals drive.mjs provoked (each one logged, as the policy wants).
    const lines = first.stderr.split('\n').filter(Boolean);
    expect(lines.filter((line) => !/^\[zan\] (Refused |app:\/\/ refused )/.test(line)), first.stderr).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('opens its database in userData and seeds the sample laws, the gap taxonomy and the sample draft', () => {
    expect(leftBeside).toContain('zan-workbench.sqlite');
    expect(afterFirst.laws).toBe(readCorpus(CORPUS).length);
    expect(afterFirst.packages).toEqual([SAMPLE_TITLE]);
    expect(afterFirst.gaps).toBeGreaterThan(0);
  });

  it('registers one handler for every channel of the contract, and no other', () => {
    const registered = callsOf(first, 'ipcMain.handle').map((e) => e.args![0]);
    expect([...registered].sort()).toEqual(Object.keys(contract).map((name) => ipcChannel(name as (typeof CHANNEL_NAMES)[number])).sort());
    expect(registered).toHaveLength(CHANNEL_NAMES.length);
  });

  it('makes app:// privileged before the app is ready and serves it after, and loads the page from it, not from a file', () => {
    const at = (pred: (e: LogEntry) => boolean) => first.log.findIndex(pred);
    const privileged = at((e) => e.api === 'protocol.registerSchemesAsPrivileged');
    const ready = at((e) => e.t === 'ready');
    const handled = at((e) => e.api === 'protocol.handle');
    expect(privileged).toBeGreaterThanOrEqual(0);
    expect(privileged).toBeLessThan(ready);
    expect(handled).toBeGreaterThan(ready);
    expect(callsOf(first, 'protocol.registerSchemesAsPrivileged')[0]!.args).toEqual([[{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]]);
    expect(callsOf(first, 'protocol.handle').map((e) => e.args![0])).toEqual(['app']);
    expect(callsOf(first, 'BrowserWindow.loadURL').map((e) => e.args![0])).toEqual([APP_INDEX_URL]);
    expect(callsOf(first, 'BrowserWindow.loadFile')).toEqual([]);
  });

  it('serves the built page and every file it names over app://, each with its type and the CSP', () => {
    const { result } = probeOf(first, 'page');
    const page = result['page'] as { status: number; type: string; csp: string; nosniff: string };
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY, nosniff: 'nosniff' });
    const assets = result['assets'] as { url: string; status: number; type: string; bytes: number }[];
    expect(assets.map((a) => a.type).sort()).toEqual(['text/css; charset=utf-8', 'text/javascript; charset=utf-8']);
    for (const asset of assets) expect(asset, asset.url).toMatchObject({ status: 200 });
    for (const asset of assets) expect(asset.bytes, asset.url).toBeGreaterThan(1000);
  });

  it('refuses path traversal, encoded separators, dot-files, other hosts and ports, and POST under app://', () => {
    const { result } = probeOf(first, 'hostile-requests');
    const answers = [...(result['answers'] as { url: string; status: number; bytes: number }[]), result['post'] as { url: string; status: number; bytes: number }];
    expect(answers).toHaveLength(8);
    for (const answer of answers) {
      expect(answer.status, answer.url).toBeGreaterThanOrEqual(400);
      expect(answer.bytes, answer.url).toBe(0);
    }
  });

  it('answers the page from its own origin, on the main thread and on a worker thread', () => {
    const { result } = probeOf(first, 'ipc');
    const appInfo = result['appInfo'] as Reply;
    expect(appInfo).toMatchObject({ ok: true, value: { databasePath: join(userData, 'zan-workbench.sqlite') } });
    expect(result['libraryLaws']).toBe(readCorpus(CORPUS).length);
    const opened = result['openVersion'] as { ok: boolean; asked: string; versionId: string; title: string; wire: string };
    expect(opened.ok).toBe(true);
    // Made on a worker thread and handed on unread as JSON text (shared/wire.ts), read back as the page's bridge does.
    expect(opened.wire).toBe('json');
    expect(opened.versionId).toBe(opened.asked);
    expect(opened.title.length).toBeGreaterThan(0);
  });

  it('refuses IPC from any other origin (regression, issue 16: http://localhost:5173.attacker.example/), from file:// and from an unknown frame', () => {
    const { result } = probeOf(first, 'ipc-foreign-senders');
    const replies = result['replies'] as { sender: string; reply: Reply }[];
    expect(replies.map((r) => r.sender)).toContain('http://localhost:5173.attacker.example/');
    for (const { sender, reply } of replies) expect(reply, sender).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('creates the window with the reviewed web preferences and the built preload', () => {
    const windows = callsOf(first, 'new BrowserWindow');
    expect(windows).toHaveLength(1);
    const preload = join(appRoot, 'out', 'preload', 'preload.cjs');
    expect(existsSync(preload)).toBe(true);
    const options = windows[0]!.args![0] as ReturnType<typeof mainWindowOptions>;
    expect(options.webPreferences).toEqual(mainWindowOptions(preload).webPreferences);
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false });
    expect(probeOf(first, 'ready-to-show').result['shown']).toBe(true);
  });

  it('hardens the session: the CSP on every response, every permission refused, no webview', () => {
    expect(probeOf(first, 'response-headers').result['headers']).toEqual({ 'X-Kept': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(probeOf(first, 'permissions').result).toMatchObject({ media: false, notifications: false, check: false });
    expect(probeOf(first, 'webview').result['prevented']).toBe(true);
  });

  it('denies every navigation and new window; nothing opens outside without a confirmed, allowed link', () => {
    const navigation = probeOf(first, 'navigation');
    // Served from app://, the page navigates nowhere, not even within its own origin (its views change the hash).
    const outcomes = navigation.result['outcomes'] as { url: string; prevented: boolean }[];
    expect(outcomes[0]!.url).toBe('app://zan/#/law/education');
    for (const outcome of outcomes) expect(outcome.prevented, outcome.url).toBe(true);
    expect(navigation.during.filter((e) => e.api === 'dialog.showMessageBox' || e.api === 'shell.openExternal')).toEqual([]);

    const refused = probeOf(first, 'window-open-refused');
    for (const answer of refused.result['answers'] as { url: string; answer: unknown }[]) expect(answer.answer, answer.url).toEqual({ action: 'deny' });
    expect(refused.during.filter((e) => e.api === 'dialog.showMessageBox' || e.api === 'shell.openExternal')).toEqual([]);

    // A link to the portal is asked about, with the URL shown; declined, nothing opens.
    const declined = probeOf(first, 'navigation-to-portal-declined');
    expect(declined.result['prevented']).toBe(true);
    const asked = declined.during.filter((e) => e.api === 'dialog.showMessageBox');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.args![0]).toMatchObject({ withWindow: true, options: { detail: 'https://adilet.zan.kz/rus/docs/Z2400000103', defaultId: 1, cancelId: 1 } });
    expect(declined.during.filter((e) => e.api === 'shell.openExternal')).toEqual([]);

    // Confirmed, it opens in the browser, and the window still opens nothing itself.
    const confirmed = probeOf(first, 'window-open-portal-confirmed');
    expect(confirmed.result['answer']).toEqual({ action: 'deny' });
    expect(confirmed.during.filter((e) => e.api === 'shell.openExternal').map((e) => e.args![0])).toEqual(['https://adilet.zan.kz/rus/docs/K1700000120']);
  });

  it('quits cleanly when the window is closed: quit events, every thread ended, the database closed with nothing beside it', () => {
    const order = first.log.filter((e) => e.t === 'closing' || e.t === 'quit' || e.t === 'exit' || e.api === 'app.quit').map((e) => e.api ?? e.t);
    expect(order[0]).toBe('closing');
    expect(order).toContain('app.quit');
    expect(order.slice(-2)).toEqual(['quit', 'exit']);
    expect(first.log.at(-1)).toEqual({ t: 'exit', code: 0 });
    // No -wal or -shm left: the worker threads' connections closed before the main one, which folded the WAL in.
    expect(leftBeside.filter((name) => /-(wal|shm)$/.test(name))).toEqual([]);
  });

  it('signs its audit log with a key the keychain keeps (safeStorage), and the log with its head file checks out', () => {
    expect(callsOf(first, 'safeStorage.encryptString')).toHaveLength(1);
    const stored = readFileSync(join(userData, 'audit-key.enc'), 'utf8');
    // The stand-in's "encryption" is a prefix: what the keychain was given is the key itself.
    expect(stored).toMatch(/^stand-in:[0-9a-f]{64}$/);
    expect(existsSync(join(userData, 'zan-audit.key'))).toBe(false);
    expect(leftBeside).toContain('zan-workbench.sqlite.audit-head');
    const keyFile = join(userData, 'given.key');
    writeFileSync(keyFile, stored.replace('stand-in:', ''));
    const lines: string[] = [];
    const io = { readFile: () => '', readBytes: () => new Uint8Array(), writeFile: () => undefined, out: (l: string) => void lines.push(l), err: (l: string) => void lines.push(l) };
    expect(runCli(['audit-check', '--db', join(userData, 'zan-workbench.sqlite'), '--key', keyFile], io), lines.join('\n')).toBe(0);
    expect(lines[0]).toMatch(/audit log OK \((\d+) entries, \1 signatures checked\)/);
    rmSync(keyFile);
  });

  it('makes the first daily backup at start, a whole copy in backups/ beside the database', () => {
    const backups = readdirSync(join(userData, 'backups'));
    expect(backups).toEqual([expect.stringMatching(/^zan-workbench-\d{8}T\d{6}Z-daily\.sqlite$/)]);
    expect(readDatabase(join(userData, 'backups', backups[0]!))).toEqual(afterFirst);
  });

  it('a damaged database at start: the refusal names it and the reason and offers the newest backup; restoring starts on it, the damaged file kept, the restore logged', () => {
    const { restored, restoredData } = damaged;
    expect(restored.code, told(restored)).toBe(0);
    expect(restored.log.filter((e) => e.t === 'unknown')).toEqual([]);
    const [asked] = callsOf(restored, 'dialog.showMessageBoxSync');
    const options = (asked!.args![0] as { options: { message: string; detail: string; buttons: string[] } }).options;
    expect(options.detail).toMatch(/damaged[\s\S]*zan-workbench\.sqlite$/);
    expect(options.buttons).toEqual(['Восстановить копию', 'Выйти']);
    expect(callsOf(restored, 'BrowserWindow.loadURL')).toHaveLength(1);
    expect(readDatabase(join(restoredData, 'zan-workbench.sqlite'))).toEqual(afterFirst);
    expect(readdirSync(join(restoredData, 'backups'))).toEqual(expect.arrayContaining([expect.stringMatching(/-replaced\.sqlite$/)]));
    const db = new Database(join(restoredData, 'zan-workbench.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT action FROM audit_log WHERE action = 'restore-backup'").pluck().all()).toEqual(['restore-backup']);
    } finally {
      db.close();
    }
  });

  it('a damaged database at start, the offer declined: it quits, no window, the file as it was', () => {
    const { declined, declinedData, damagedBytes } = damaged;
    expect(declined.code, told(declined)).toBe(0);
    expect(callsOf(declined, 'dialog.showMessageBoxSync')).toHaveLength(1);
    expect(callsOf(declined, 'BrowserWindow.loadURL')).toEqual([]);
    expect(readFileSync(join(declinedData, 'zan-workbench.sqlite'))).toEqual(damagedBytes);
    expect(readdirSync(join(declinedData, 'backups')).filter((n) => n.endsWith('-replaced.sqlite'))).toEqual([]);
  });

  it('starts again on the same database, keeping what is there and seeding nothing twice', () => {
    expect(second.timedOut, told(second)).toBe(false);
    expect(second.code, told(second)).toBe(0);
    expect(second.log.filter((e) => e.t === 'unknown')).toEqual([]);
    expect(callsOf(second, 'dialog.showErrorBox')).toEqual([]);
    expect(readDatabase(join(userData, 'zan-workbench.sqlite'))).toEqual(afterFirst);
  });

  it('in development, loads the dev server and trusts exactly its origin (regression, issue 16: http://localhost:5173.attacker.example/)', () => {
    expect(dev.code, told(dev)).toBe(0);
    expect(dev.log.filter((e) => e.t === 'unknown')).toEqual([]);
    expect(callsOf(dev, 'dialog.showErrorBox')).toEqual([]);
    expect(callsOf(dev, 'BrowserWindow.loadURL').map((e) => e.args![0])).toEqual([DEV_SERVER]);
    expect(callsOf(dev, 'protocol.handle')).toEqual([]);
    expect(probeOf(dev, 'ipc').result['appInfo']).toMatchObject({ ok: true });
    const replies = probeOf(dev, 'ipc-foreign-senders').result['replies'] as { sender: string; reply: Reply }[];
    expect(replies.map((r) => r.sender)).toEqual(expect.arrayContaining(['http://localhost:5173.attacker.example/', 'http://localhost:5173@attacker.example/']));
    for (const { sender, reply } of replies) expect(reply, sender).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const outcomes = probeOf(dev, 'navigation').result['outcomes'] as { url: string; prevented: boolean }[];
    // Vite may reload the page within its origin; nothing else.
    expect(outcomes.filter((o) => !o.prevented).map((o) => o.url)).toEqual(['http://localhost:5173/#/law/education']);
    expect(outcomes.map((o) => o.url)).toEqual(expect.arrayContaining(['http://localhost:5173.attacker.example/', 'http://localhost:5173@attacker.example/']));
  });

  it('runs the zan CLI instead when started with --cli (RunAsNode is off): no window, no lock, no database, its exit code', async () => {
    const check = await runBuiltMain({ appRoot, resources, userData, args: ['--cli', 'check', join(CORPUS, 'education', 'ru.txt')] });
    expect(check.code, told(check)).toBe(0);
    expect(check.stdout).toMatch(/ru\.txt: OK \(ru;/);
    expect(callsOf(check, 'app.exit').map((e) => e.args![0])).toEqual([0]);
    for (const api of ['new BrowserWindow', 'app.requestSingleInstanceLock', 'protocol.registerSchemesAsPrivileged', 'ipcMain.handle', 'app.getPath']) expect(callsOf(check, api), api).toEqual([]);
    const unknown = await runBuiltMain({ appRoot, resources, userData, args: ['--cli', 'frobnicate'] });
    expect(unknown.code, told(unknown)).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  }, 60_000);
});
