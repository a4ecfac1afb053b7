import { readdirSync, readFileSync } from 'node:fs';
import { join, matchesGlob, relative } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEMO_CARD_MAIN } from '../../electron/host/demo-card';

/**
 * electron-builder.yml cannot be exercised here (the Electron download is blocked), so its
 * content is checked: against electron-builder's own schema, and against what the app reads.
 */
const root = process.cwd();
/** The parts of the configuration the tests read; the schema test checks the whole. */
interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
  win: { target: unknown };
  nsis: Record<string, unknown> & { include: string };
  linux: { target: string[] };
  deb: { depends: string[] };
  publish: Record<string, unknown> & { url: string };
  electronFuses: Record<string, boolean>;
}
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** electron-builder's `files` semantics: patterns in order, the last one that matches decides. */
function packed(path: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (matchesGlob(path, negated ? pattern.slice(1) : pattern)) included = !negated;
  }
  return included;
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [relative(root, join(dir, e.name))]));

/** The resources/<dir> folders the app's code reads at run time (`'resources', '<dir>'`). */
function resourceDirsReadAtRuntime(): string[] {
  const sources = walk(join(root, 'electron')).filter((f) => f.endsWith('.ts'));
  const dirs = sources.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'resources',\s*'([\w-]+)'/g)].map((m) => m[1]!));
  return [...new Set(dirs)].sort();
}

describe('electron-builder.yml', () => {
  it("is valid against the installed electron-builder's configuration schema (a typo is caught)", () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: true } })).toBe(false);
  });

  it('builds Windows NSIS per machine with a start-on-logon kiosk, and Linux AppImage and deb', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, include: 'build/installer.nsh' });
    const nsh = readFileSync(join(root, config.nsis.include), 'utf8');
    expect(nsh).toMatch(/!macro customInstall\s+WriteRegStr HKLM "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "MotCua" '"\$INSTDIR\\\$\{APP_EXECUTABLE_FILENAME\}" --kiosk'/);
    expect(nsh).toMatch(/!macro customUnInstall\s+DeleteRegValue HKLM "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "MotCua"/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toEqual(expect.arrayContaining(['libusb-1.0-0', 'cups-client', 'libnss3', 'pcscd']));
  });

  it('keeps better-sqlite3-multiple-ciphers, node-hid and smartcard out of the asar and rebuilds them for Electron', () => {
    for (const module of ['better-sqlite3-multiple-ciphers', 'node-hid', 'smartcard']) {
      const binary = `node_modules/${module}/build/Release/addon.node`;
      expect(config.asarUnpack.some((p) => matchesGlob(binary, p)), module).toBe(true);
      expect(config.asarUnpack.some((p) => matchesGlob(`node_modules/${module}/package.json`, p)), module).toBe(true);
    }
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('packs the built app and every resource folder the code reads at run time, with the migrations', () => {
    for (const built of ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/cli/motcua.cjs', 'dist/renderer/index.html', 'bin/motcua.cjs']) {
      expect(packed(built), built).toBe(true);
    }
    const dirs = resourceDirsReadAtRuntime();
    expect(dirs).toEqual(expect.arrayContaining(['calendar', 'catalogue', 'demo', 'fonts', 'forms', 'rules']));
    for (const dir of dirs) for (const file of walk(join(root, 'resources', dir))) expect(packed(file), file).toBe(true);
    for (const file of walk(join(root, 'electron', 'db', 'migrations'))) expect(packed(file), file).toBe(true);
  });

  it('leaves out the virtual chip, so a packaged app has no demo card: its entry point and the demo PKI keys', () => {
    expect(packed(DEMO_CARD_MAIN.join('/'))).toBe(false);
    expect(packed('test/support/virtual-chip/demo-pki.json')).toBe(false);
    // Only the demo CSCA's certificate ships, trusted in demo mode only.
    expect(packed('resources/demo/csca/motcua-demo-test-csca.pem')).toBe(true);
  });

  it('leaves out the tests, the central simulator, the sources and source maps', () => {
    for (const file of [...walk(join(root, 'test', 'support')), 'test/unit/packaging-config.test.ts', 'electron/app/main.ts', 'dist/cli/motcua.cjs.map', 'resources/central-api.yaml']) {
      expect(packed(file), file).toBe(false);
    }
  });

  it('flips the fuses that would let the packaged binary run other code: Node mode, NODE_OPTIONS, --inspect, loose app files', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('publishes to a generic update server for electron-updater, at a URL the centre sets', () => {
    expect(config.publish).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(config.publish.url).toMatch(/^https:\/\//);
  });
});
