import type { PrintedDocument } from '../../electron/contract';

/**
 * Hands a PDF from the host to the browser as a file when no printer took it (none chosen for
 * its kind: the demo, browser mode); a document sent to a printer is not saved. The bytes live
 * only in this page.
 */
export function savePdf(doc: PrintedDocument): void {
  if (doc.print) return;
  const bytes = Uint8Array.from(atob(doc.pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = doc.fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
