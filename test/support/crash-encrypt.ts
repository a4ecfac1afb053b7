/**
 * The process test/integration/encrypt-kill.test.ts kills with SIGKILL: it opens a clear database
 * (an earlier version's) with the app's own function, which encrypts it in place, or it rekeys an
 * encrypted one as `motcua db rekey` does.
 * Usage: node --import tsx test/support/crash-encrypt.ts open|rekey <db> <migrations dir>
 * Prints `ready` once loaded (the kill is timed from there) and `done` at the end.
 */
import { writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../../electron/db/connection';
import { rekeyDatabase } from '../../electron/db/rekey';
import { keyFileSecretStore } from '../../electron/security/secret-store';

const [what, path, migrations] = process.argv.slice(2) as ['open' | 'rekey', string, string];
writeSync(1, 'ready\n');
if (what === 'open') openDatabase(path, migrations).db.close();
else rekeyDatabase(path, keyFileSecretStore(dirname(path)));
writeSync(1, 'done\n');
