/*
 * Makes the demo's test PKI once: a CSCA clearly named as a demo trust anchor and a Document
 * Signer under it. The CSCA's certificate ships in resources/demo/csca (trusted in demo mode only);
 * both private keys stay in test support (demo-pki.json), so the demo card's SOD is signed by a
 * signer that chains to it. Run: npx tsx test/support/virtual-chip/make-demo-pki.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueCertificate, issuedData } from './certificates';
import { DEMO_CSCA_FILE, DEMO_PKI_FILE } from './demo-pki';

const from = new Date('2025-01-01T00:00:00Z');
const until = new Date('2045-01-01T00:00:00Z');
const csca = issueCertificate({ commonName: 'MotCua DEMO CSCA - TEST ONLY, NOT A REAL TRUST ANCHOR', serial: 0xd3, notBefore: from, notAfter: until });
const documentSigner = issueCertificate({ commonName: 'MotCua DEMO Document Signer - TEST ONLY', serial: 0xd4, notBefore: from, notAfter: until, issuer: csca });

const asJson = (issued: ReturnType<typeof issuedData>) => ({ der: issued.der.toString('base64'), privateKey: issued.privateKey, name: issued.name.toString('base64'), serial: issued.serial });
writeFileSync(DEMO_PKI_FILE, `${JSON.stringify({ csca: asJson(issuedData(csca)), documentSigner: asJson(issuedData(documentSigner)) }, null, 2)}\n`);
writeFileSync(DEMO_CSCA_FILE, csca.certificate.toString());
console.log(`wrote ${DEMO_PKI_FILE} and ${join(DEMO_CSCA_FILE)}`);
