import { incomingVerdict, type MessageNewPayload, type ThreadMessagePayload } from '@commons/shared';

/**
 * What a client shows of a thread: messages by id, and the seq it has seen up to. It applies
 * live messages with the shared rules (drop duplicates by id, notice gaps) and counts how
 * often each message reached it, so "none twice" is checked, not assumed.
 */
export class ThreadView {
  readonly byId = new Map<string, ThreadMessagePayload>();
  readonly arrivals = new Map<string, number>();
  lastSeenSeq: string | null = null;
  gaps = 0;

  apply(messages: ThreadMessagePayload[]) {
    for (const message of messages) {
      this.arrivals.set(message.id, (this.arrivals.get(message.id) ?? 0) + 1);
      this.byId.set(message.id, message);
      if (this.lastSeenSeq === null || BigInt(message.seq) > BigInt(this.lastSeenSeq)) this.lastSeenSeq = message.seq;
    }
  }

  live(message: MessageNewPayload) {
    const verdict = incomingVerdict(this.lastSeenSeq, new Set(this.byId.keys()), message);
    if (verdict === 'gap') this.gaps += 1;
    if (verdict !== 'duplicate') this.apply([message]);
    else this.arrivals.set(message.id, (this.arrivals.get(message.id) ?? 0) + 1);
  }

  bodies() {
    return [...this.byId.values()].sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1)).map((m) => m.body);
  }
}
