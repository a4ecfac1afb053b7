import { parentPort, workerData } from 'node:worker_threads';
import { restoreIssued, type IssuedData } from './certificates';
import { virtualCard, type ChipVariant } from './cards';
import { VpcdCard, type InsertOptions } from './vpcd-card';

/*
 * The virtual card in its own thread: the `smartcard` binding's disconnect and context release are
 * synchronous and pcscd may talk to the card meanwhile, so a card answering from the reader's own
 * event loop would deadlock it.
 */
interface CardWorkerData {
  variant: ChipVariant;
  pki: Record<'csca' | 'documentSigner' | 'strangerCsca' | 'strangerSigner', IssuedData>;
  options: InsertOptions;
}

async function main(): Promise<void> {
  const data = workerData as CardWorkerData;
  const pki = {
    csca: restoreIssued(data.pki.csca),
    documentSigner: restoreIssued(data.pki.documentSigner),
    strangerCsca: restoreIssued(data.pki.strangerCsca),
    strangerSigner: restoreIssued(data.pki.strangerSigner),
  };
  const card = await VpcdCard.insert(virtualCard(data.variant, pki), data.options);
  parentPort?.on('message', () => {
    void card.remove().then(() => parentPort?.postMessage({ removed: true, apdus: card.apdus }));
  });
  parentPort?.postMessage({ inserted: true });
}

main().catch((error: unknown) => parentPort?.postMessage({ error: String(error) }));
