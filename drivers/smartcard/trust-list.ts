import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every CSCA certificate in a folder (PEM files may hold several; DER files hold one). Unreadable files are skipped. */
export function loadCscaCertificates(dir: string): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const name of readdirSync(dir).sort()) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, name));
    } catch {
      continue;
    }
    const pem = bytes.toString('latin1').match(PEM_BLOCK);
    for (const block of pem ?? [bytes]) {
      try {
        out.push(new X509Certificate(block));
      } catch {
        // Not a certificate (a README beside them, say): the list is what parses.
      }
    }
  }
  return out;
}
