import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { issuedData } from './certificates';
import type { ChipVariant, TestPki } from './cards';
import type { InsertOptions } from './vpcd-card';

export interface CardOnReader {
  /** Takes the card off; resolves with the number of APDUs it answered. */
  remove(): Promise<number>;
}

/** Puts a virtual card of the variant on vpcd's reader, answering from a worker thread (see card-worker.ts). */
export function putCardOnReader(variant: ChipVariant, pki: TestPki, options: InsertOptions = {}): Promise<CardOnReader> {
  const data = {
    variant,
    options,
    pki: { csca: issuedData(pki.csca), documentSigner: issuedData(pki.documentSigner), strangerCsca: issuedData(pki.strangerCsca), strangerSigner: issuedData(pki.strangerSigner) },
  };
  // A worker does not inherit the TypeScript loader: register tsx's CommonJS hook, then load the entry.
  const entry = join(__dirname, 'card-worker.ts');
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true, workerData: data });
  const next = () =>
    new Promise<{ inserted?: true; removed?: true; apdus?: number; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  return next().then((first) => {
    if (first.error !== undefined) throw new Error(first.error);
    let removed: Promise<number> | undefined;
    return {
      remove: () => {
        removed ??= (async () => {
          const answer = next();
          worker.postMessage('remove');
          const { apdus } = await answer;
          await worker.terminate();
          return apdus ?? 0;
        })();
        return removed;
      },
    };
  });
}
