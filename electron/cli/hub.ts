import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fingerprint } from '../hub/hub-wire';
import { lanAddress } from '../hub/lan-address';
import { newPairingCode } from '../hub/pairing';
import { startHub } from '../hub/start-hub';
import type { Flags } from './flags';
import { appRoot } from './paths';

/** `motcua hub --port N --db PATH [--pairing-code CODE] [--listen ADDR]`: the centre hub; its URL is the first line. */
export async function hubCommand(flags: Flags): Promise<void> {
  const port = Number(flags.port);
  if (flags.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${flags.port}`);
  if (!flags.db) throw new Error('--db PATH is required');
  mkdirSync(dirname(flags.db), { recursive: true });
  const listen = flags.listen ?? '0.0.0.0';
  const code = flags['pairing-code'] ?? newPairingCode();
  const hub = await startHub({ appRoot: appRoot(), dbPath: flags.db, port, listen, pairingCode: code });
  console.log(`hub: http://${lanAddress(listen)}:${hub.port}`);
  console.log(`Mã ghép nối / Pairing code: ${code} (60 phút / 60 minutes)`);
  console.log(`Khóa của trạm / Hub key: ${fingerprint(hub.publicKeyPem)}`);
  const stop = () => void hub.closeAll().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
