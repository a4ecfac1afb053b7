// The layers of DESIGN.md as allow-lists, VS Code style: each folder names what of ours it may
// import, so a wrong arrow fails `npm run lint` with the rule's name. Type-only imports count too.
const OURS = '^(electron|drivers|renderer)/';

/** `from` may import only what matches `allowed` (besides packages and Node). */
const layer = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: OURS, pathNot: allowed },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'A cycle makes two modules one: split them or invert the dependency.', severity: 'error', from: {}, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
    layer('contract-is-pure', '^electron/contract/', '^electron/contract/', 'The contract is zod and its own files: the renderer imports it too.'),
    layer('drivers-know-nothing-of-ours', '^drivers/', '^drivers/', 'Hardware and document formats, no app state.'),
    layer('base-is-the-bottom', '^electron/base/', '^electron/(base|contract)/', 'Dates, the legal calendar and formats: every layer may use them, they use no layer.'),
    // db opens the database with the security layer's key store and field cipher, and creates its files owner-only.
    layer('db-allow-list', '^electron/db/', '^electron/(db|base|contract)/|^electron/security/(secret-store|field-cipher|owner-only)[.]ts$', 'Repositories and migrations: below every service.'),
    layer('proactive-allow-list', '^electron/proactive/', '^electron/(proactive|db|base|contract)/|^drivers/idcard/', 'Reminders, prefill and recommendations: pure rules over data.'),
    layer('security-allow-list', '^electron/security/', '^electron/(security|db|base|contract)/', 'Accounts, audit, consent, keys, retention.'),
    // The documents kept for reprinting are owner-only files, as the security layer makes them.
    layer('print-allow-list', '^electron/print/', '^electron/(print|db|base|contract)/|^electron/security/owner-only[.]ts$', 'Documents and printers: given data, never fetching it.'),
    layer('sync-allow-list', '^electron/sync/', '^electron/(sync|db|security|base|contract)/', 'The central link: feed, outbox, audit shipping.'),
    layer('devices-allow-list', '^electron/devices/', '^electron/(devices|db|base|contract)/|^drivers/', 'Peripherals: drivers routed to roles.'),
    layer('host-allow-list', '^electron/host/', '^electron/(host|db|security|proactive|print|sync|devices|base|contract)/|^drivers/', 'Wiring and handlers: never the transports of app or cli.'),
    layer('cli-allow-list', '^electron/cli/', '^electron/(cli|host|db|security|proactive|print|sync|devices|base|contract)/|^drivers/', 'The motcua command: never Electron.'),
    layer('app-allow-list', '^electron/app/', '^electron/(app|host|security|base|contract)/', 'Electron: windows, IPC, keyring, updater.'),
    layer('renderer-sees-the-contract', '^renderer/', '^renderer/|^electron/contract/', 'No Node, SQL or drivers in the renderer.'),
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
