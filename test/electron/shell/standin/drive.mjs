// The page's part, played by the stand-in once the main window loads (electron.mjs): what Chromium
// and the renderer would ask of the main process, asked of the handlers the app registered, each
// outcome recorded as a `probe` for startup.test.ts to judge. Then the window is closed, as the
// drafter closes it, and the app is left to quit.
import { record } from './record.mjs';

/** Lets the app's pending promises (dialogs, openExternal) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Runs one probe between markers, so the test can tell which calls it caused. */
async function probe(name, run) {
  record('probe-start', { name });
  try {
    record('probe', { name, ...(await run()) });
  } catch (error) {
    record('probe', { name, error: error instanceof Error ? error.stack : String(error) });
  }
  record('probe-end', { name });
}

/** Plays the page against the app's handlers, then closes the window. */
export async function drive(state, win, pageUrl) {
  const contents = win.webContents;

  const serve = async (url, method = 'GET') => {
    const handler = state.protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) return { url, status: 'no handler' };
    const response = await handler(new Request(url, { method }));
    const body = Buffer.from(await response.arrayBuffer());
    return {
      url,
      status: response.status,
      type: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      nosniff: response.headers.get('x-content-type-options'),
      bytes: body.length,
      text: response.headers.get('content-type')?.startsWith('text/html') ? body.toString('utf8') : undefined,
    };
  };

  // In development the page comes from the dev server, and there is no app:// to ask.
  const served = state.protocolHandlers.has('app');

  if (served) await probe('page', async () => {
    const page = await serve(pageUrl);
    // Every script and style the page names, as Chromium would fetch them.
    const refs = [...(page.text ?? '').matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], pageUrl).href);
    return { page: { ...page, text: undefined }, assets: await Promise.all(refs.map((ref) => serve(ref))) };
  });

  if (served) await probe('hostile-requests', async () => ({
    answers: await Promise.all(
      [
        'app://zan/../../package.json',
        'app://zan/%2e%2e/%2e%2e/package.json',
        'app://zan/assets%2F..%2F..%2Fpackage.json',
        'app://zan/assets%5C..%5C..%5Cpackage.json',
        'app://zan/.vite/manifest.json',
        'app://attacker.example/index.html',
        'app://zan:8080/index.html',
      ].map((url) => serve(url)),
    ),
    post: await serve(pageUrl, 'POST'),
  }));

  const invoke = async (channel, payload, senderUrl) => {
    const handler = state.ipcHandlers.get(`zan:${channel}`);
    if (!handler) return { channel, error: 'no handler' };
    const event = strictEvent(senderUrl);
    // As the page's bridge reads a reply (shared/wire.ts fromWire): a value a worker serialized
    // crosses as JSON text and is read back there.
    const reply = await handler(event, payload);
    return reply && reply.ok === true && typeof reply.json === 'string' && !('value' in reply) ? { ok: true, value: JSON.parse(reply.json), wire: 'json' } : reply;
  };

  await probe('ipc', async () => {
    const appInfo = await invoke('getAppInfo', {}, pageUrl);
    const library = await invoke('listLibrary', {}, pageUrl);
    const versionId = library.ok ? library.value.flatMap((w) => w.expressions).find((e) => e.versionId)?.versionId : undefined;
    // openVersion runs on a worker thread of the built app (work-worker.js) with the native binding.
    const opened = versionId ? await invoke('openVersion', { versionId }, pageUrl) : null;
    return {
      appInfo,
      libraryLaws: library.ok ? library.value.length : library,
      openVersion: opened && (opened.ok ? { ok: true, asked: versionId, versionId: opened.value.versionId, title: opened.value.title, wire: opened.wire ?? 'value' } : opened),
    };
  });

  await probe('ipc-foreign-senders', async () => {
    const senders = ['http://localhost:5173.attacker.example/', 'http://localhost:5173@attacker.example/', 'app://attacker.example/index.html', 'file:///index.html', ''];
    return { replies: await Promise.all(senders.map(async (sender) => ({ sender, reply: await invoke('getAppInfo', {}, sender) }))) };
  });

  await probe('navigation', async () => {
    const tries = [new URL('/#/law/education', pageUrl).href, 'https://attacker.example/', 'http://localhost:5173.attacker.example/', 'http://localhost:5173@attacker.example/', 'file:///etc/passwd', 'app://zan/index.html'];
    const outcomes = tries.map((url) => ({ url, prevented: emitNavigation(contents, url) }));
    await settle();
    return { outcomes };
  });

  await probe('navigation-to-portal-declined', async () => {
    state.dialogAnswers.push(1);
    const prevented = emitNavigation(contents, 'https://adilet.zan.kz/rus/docs/Z2400000103');
    await settle();
    return { prevented };
  });

  await probe('window-open-refused', async () => {
    const handler = state.windowOpenHandlers.get(contents);
    const answers = ['https://attacker.example/', 'http://adilet.zan.kz/', 'https://adilet.zan.kz.attacker.example/', 'javascript:alert(1)'].map((url) => ({ url, answer: handler({ url }) }));
    await settle();
    return { answers };
  });

  await probe('window-open-portal-confirmed', async () => {
    state.dialogAnswers.push(0);
    const answer = state.windowOpenHandlers.get(contents)({ url: 'https://adilet.zan.kz/rus/docs/K1700000120' });
    await settle();
    return { answer };
  });

  await probe('permissions', async () => {
    const granted = await new Promise((resolve) => state.permissionRequestHandler(contents, 'media', resolve, { requestingUrl: pageUrl }));
    const notifications = await new Promise((resolve) => state.permissionRequestHandler(contents, 'notifications', resolve, { requestingUrl: pageUrl }));
    const check = state.permissionCheckHandler(contents, 'clipboard-read', new URL(pageUrl).origin, {});
    return { media: granted, notifications, check };
  });

  await probe('response-headers', async () => {
    const headers = await new Promise((resolve) => state.headerHooks[0]({ url: 'http://localhost:5173/', responseHeaders: { 'X-Kept': ['1'] } }, (answer) => resolve(answer.responseHeaders)));
    return { headers };
  });

  await probe('webview', async () => ({ prevented: emitPreventableOn(contents, 'will-attach-webview', {}, {}) }));

  await probe('ready-to-show', async () => {
    win.emit('ready-to-show');
    return { shown: state.shown.has(win) };
  });

  record('closing');
  win.close();
}

/** The IPC event the handlers get, as strict as the stand-in: only the sending frame's URL is there. */
function strictEvent(senderUrl) {
  const frame = { url: senderUrl };
  return new Proxy(
    { senderFrame: frame },
    {
      get(object, key) {
        if (typeof key === 'symbol' || key in object) return object[key];
        if (key === 'then') return undefined;
        record('unknown', { api: `IpcMainInvokeEvent.${key}` });
        throw new Error(`The Electron stand-in's IPC event has no ${key}.`);
      },
    },
  );
}

function emitNavigation(contents, url) {
  return emitPreventableOn(contents, 'will-navigate', { url }, url);
}

function emitPreventableOn(emitter, name, fields, ...rest) {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  emitter.emit(name, event, ...rest);
  return event.defaultPrevented;
}
