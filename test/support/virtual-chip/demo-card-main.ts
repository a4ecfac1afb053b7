/*
 * The demo card on vpcd's reader, as its own process: the demo host starts it when the technician
 * puts the demo card on the reader and ends it (SIGTERM) to take it off. It prints one JSON line
 * once the card is on the reader (or why it could not be put there) and stays until told to stop.
 */
import { demoCardChip } from './demo-card';
import { VpcdCard } from './vpcd-card';

async function main(): Promise<void> {
  const card = await VpcdCard.insert(demoCardChip());
  const off = () => void card.remove().then(() => process.exit(0));
  process.once('SIGTERM', off);
  process.once('SIGINT', off);
  process.stdout.write(`${JSON.stringify({ inserted: true })}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ inserted: false, error: String(error) })}\n`);
  process.exit(1);
});
