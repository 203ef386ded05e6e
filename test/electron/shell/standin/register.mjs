// `node --import register.mjs out/main/main.js …`: runs the built main process under plain Node with
// the recording stand-in for 'electron' (hooks.mjs) and the process properties Electron would set.
// Worker threads inherit the flag and run this too (they never import 'electron').
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);

// Where electron-builder puts extraResources; the test lays out the same folder (corpus, gaps,
// sample package, and the native binding — here the Node build of better-sqlite3).
process.resourcesPath = process.env.ZAN_STANDIN_RESOURCES;
// Under Node, argv is [node, main.js, …args], as under `electron main.js`, where defaultApp is true.
process.defaultApp = true;
// The Electron version the app is built for: in development it names the native binding's folder.
Object.defineProperty(process.versions, 'electron', { value: process.env.ZAN_STANDIN_ELECTRON_VERSION, enumerable: true });
