import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { restoreIssued, type Issued } from './certificates';

/** The demo's test CSCA certificate, shipped with the demo data and trusted in demo mode only. */
export const DEMO_CSCA_FILE = join(__dirname, '..', '..', '..', 'resources', 'demo', 'csca', 'motcua-demo-test-csca.pem');
/** Both keys of the demo PKI: test support, never packaged (make-demo-pki.ts made them). */
export const DEMO_PKI_FILE = join(__dirname, 'demo-pki.json');

interface StoredIssued {
  der: string;
  privateKey: string;
  name: string;
  serial: number;
}

export interface DemoPki {
  csca: Issued;
  documentSigner: Issued;
}

const restore = (stored: StoredIssued): Issued =>
  restoreIssued({ der: Buffer.from(stored.der, 'base64'), privateKey: stored.privateKey, name: Buffer.from(stored.name, 'base64'), serial: stored.serial });

export function loadDemoPki(): DemoPki {
  const stored = JSON.parse(readFileSync(DEMO_PKI_FILE, 'utf8')) as { csca: StoredIssued; documentSigner: StoredIssued };
  return { csca: restore(stored.csca), documentSigner: restore(stored.documentSigner) };
}
