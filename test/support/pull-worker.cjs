// The sync's pull worker from the sources, for tests (the app runs the bundled pull-worker.cjs).
require('tsx/cjs');
require('../../electron/sync/pull-worker.ts');
