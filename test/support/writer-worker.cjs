// The host's writer worker from the sources, for tests (the app runs the bundled writer-worker.cjs).
require('tsx/cjs');
require('../../electron/host/writer-worker.ts');
