#!/usr/bin/env node
// better-sqlite3 (13 and later) is a Node-API addon: its binary does not depend on the ABI
// (NODE_MODULE_VERSION) of the runtime, so the same file loads in Node (tests, CLI) and in
// Electron (the app). Its npm package ships that binary prebuilt for each platform; nothing is
// downloaded or compiled when it installs.
//
// The app still loads it from a known place, passed to better-sqlite3 as its `nativeBinding`
// option (electron/native/binding.ts): this script copies the binary better-sqlite3 itself loads
// into native/electron-<version>-<platform>-<arch>/, which electron-builder ships as an extra
// resource (electron-builder.yml), after checking that
//   - it is a Node-API addon (no `node_register_module_v<N>` symbol tying it to one ABI), and
//   - the Node-API version it was built for is one the pinned Electron provides.
//
//   --install  (npm postinstall) prepare it; when it cannot, warn and exit 0, so `npm install` and
//              `npm test` still work without it. It exits 1 only when the running Node itself
//              cannot load better-sqlite3 (too old a Node: better-sqlite3 would crash the process).
//   --require  (npm start / dev / dist) the same, but exit 1 with instructions when it cannot.
//   --check    only report whether a correct copy is in place.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the Electron copy of better-sqlite3 lives, relative to the project root. */
export function electronBindingRelPath(electronVersion, platform, arch) {
  return join('native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

function latin1(binary) {
  return Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength).toString('latin1');
}

/**
 * The NODE_MODULE_VERSION a native addon was compiled for, read from its exported
 * `node_register_module_v<N>` symbol, or null when the file has none (a Node-API addon).
 */
export function moduleAbiOf(binary) {
  const match = /node_register_module_v(\d+)/.exec(latin1(binary));
  return match ? Number(match[1]) : null;
}

/** Whether a binary is a Node-API addon: it registers through Node-API and is tied to no ABI. */
export function isNodeApiAddon(binary) {
  return moduleAbiOf(binary) === null && latin1(binary).includes('napi_register_module_v1');
}

/** The Node-API version better-sqlite3 is built for, from the NAPI_VERSION its binding.gyp defines. */
export function nodeApiVersionOf(bindingGyp) {
  const match = /NAPI_VERSION=(\d+)/.exec(bindingGyp);
  return match ? Number(match[1]) : null;
}

/**
 * The highest Node-API version an Electron provides, from the Node.js it embeds, or null when the
 * version is older than this table knows. Electron 36 embeds Node 22.14.0, the first Node 22 with
 * Node-API 10; every later Electron embeds a later Node (Electron 40 and later: Node 24).
 */
export function electronNodeApi(electronVersion) {
  const major = Number(/^(\d+)\./.exec(electronVersion)?.[1]);
  return major >= 36 ? 10 : null;
}

/**
 * The binary better-sqlite3 loads by itself (its lib/binding.js): one compiled on purpose into
 * build/, else the prebuilt one its package ships for this platform.
 */
export function loadedBinary(pkgDir, platform, arch, musl) {
  for (const kind of ['Debug', 'Release']) {
    const built = join(pkgDir, 'build', kind, 'better_sqlite3.node');
    if (existsSync(built)) return built;
  }
  return join(pkgDir, 'prebuilds', `${musl ? 'linuxmusl' : platform}-${arch}.node`);
}

/** What is wrong with a binary for a runtime providing `runtimeNodeApi`, or null when nothing is. */
export function bindingProblem(binary, required, runtimeNodeApi, runtime) {
  if (!isNodeApiAddon(binary)) {
    const abi = moduleAbiOf(binary);
    return abi === null ? 'it is not a Node-API addon' : `it was built for one ABI (NODE_MODULE_VERSION ${abi}), not with Node-API`;
  }
  if (required === null) return 'better-sqlite3 does not say which Node-API version it needs (NAPI_VERSION in its binding.gyp)';
  if (runtimeNodeApi === null || runtimeNodeApi < required) {
    return `it needs Node-API ${required}, which ${runtime} does not provide${runtimeNodeApi === null ? '' : ` (it has ${runtimeNodeApi})`}`;
  }
  return null;
}

function isMusl() {
  if (process.platform !== 'linux') return false;
  try {
    return /\/ld-musl-[^/\s]*\.so/.test(readFileSync('/proc/self/maps', 'latin1'));
  } catch {
    return false;
  }
}

function electronVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
}

function main(mode) {
  const version = electronVersion();
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const required = nodeApiVersionOf(readFileSync(join(pkgDir, 'binding.gyp'), 'utf8'));
  const source = loadedBinary(pkgDir, process.platform, process.arch, isMusl());
  const dest = join(ROOT, electronBindingRelPath(version, process.platform, process.arch));

  // Node first: better-sqlite3 crashes a Node whose Node-API is older than the one it was built for.
  const nodeApi = Number(process.versions.napi);
  if (mode !== '--check' && required !== null && nodeApi < required) {
    console.error(
      `[zan] better-sqlite3 needs Node-API ${required}; this Node (${process.version}) has ${nodeApi}.\n` +
        '      Use Node.js 22.14 or later (.nvmrc; the README says how).',
    );
    return 1;
  }

  const binary = existsSync(source) ? readFileSync(source) : null;
  const problem = binary ? bindingProblem(binary, required, electronNodeApi(version), `Electron ${version}`) : `no binary at ${source}`;
  if (!problem && existsSync(dest) && readFileSync(dest).equals(binary)) {
    console.log(`[zan] better-sqlite3 for Electron ${version} is in place (${dest}).`);
    return 0;
  }
  if (mode === '--check') {
    console.log(`[zan] No better-sqlite3 for Electron ${version} in place at ${dest}${problem ? ` (${problem})` : ''}.`);
    return 1;
  }
  if (!problem) {
    mkdirSync(dirname(dest), { recursive: true });
    cpSync(source, dest);
    console.log(`[zan] better-sqlite3 for Electron ${version} is ready (${dest}, Node-API ${required}).`);
    return 0;
  }
  console.warn(
    `[zan] Could not prepare better-sqlite3 for Electron ${version}: ${source}: ${problem}.\n` +
      '      The app needs it to start; tests do not. Reinstall (`npm ci`), then `npm run native`.',
  );
  return mode === '--install' ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv[2] ?? '--require'));
}
