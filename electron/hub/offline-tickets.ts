import { todayInVietnam } from '../base/calendar-date';
import { blockNumber, type Block, type BlockTicket } from './block-store';

interface KeyValues {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

const BLOCK = 'hub.block';
const ISSUED = 'hub.blockTickets';
/** Fewer numbers left than this: the kiosk asks the hub for the next block while it can. */
export const BLOCK_LOW = 10;

interface HeldBlock extends Block {
  next: number;
}

/**
 * A kiosk's reserved numbers in its own database: issued one by one while the hub is away, each
 * saved before it is printed (the next number first, so a crash skips a number, never repeats one),
 * and kept until the hub has taken them back.
 */
export class OfflineTickets {
  constructor(
    private readonly settings: KeyValues,
    private readonly now: () => Date,
  ) {}

  private held(): HeldBlock | null {
    const text = this.settings.get(BLOCK);
    const block = text ? (JSON.parse(text) as HeldBlock) : null;
    return block && block.day === todayInVietnam(this.now()) ? block : null;
  }

  /** Numbers still free today in the reserved block. */
  remaining(): number {
    const block = this.held();
    return block ? block.last - block.next + 1 : 0;
  }

  /** A block from the hub: today's continues the one held (the hub hands them out in order). */
  add(block: Block): void {
    const held = this.held();
    const next: HeldBlock = held && held.last + 1 === block.first ? { ...held, last: block.last } : { ...block, next: block.first };
    this.settings.set(BLOCK, JSON.stringify(next));
  }

  /** The next number of the block, or null when none is left today. */
  issue(kiosk: string, serviceId: string, priority: boolean): BlockTicket | null {
    const block = this.held();
    if (!block || block.next > block.last) return null;
    this.settings.set(BLOCK, JSON.stringify({ ...block, next: block.next + 1 }));
    const ticket = { number: blockNumber(kiosk, block.next), serviceId, priority, issuedAt: this.now().toISOString() };
    this.settings.set(ISSUED, JSON.stringify([...this.waiting(), ticket]));
    return ticket;
  }

  /** Tickets issued from the block that the hub has not taken back yet, oldest first. */
  waiting(): BlockTicket[] {
    return JSON.parse(this.settings.get(ISSUED) ?? '[]') as BlockTicket[];
  }

  /** The hub has these now. */
  givenBack(numbers: readonly string[]): void {
    const gone = new Set(numbers);
    this.settings.set(ISSUED, JSON.stringify(this.waiting().filter((t) => !gone.has(t.number))));
  }
}
