/**
 * Message sequence numbers are decimal strings (a PostgreSQL bigint): they grow across the whole
 * platform, so within one thread they increase but skip values. A new message carries the seq of
 * the message before it in its thread (`prevSeq`), which is how a client tells a gap from a skip.
 */
export type Seq = string;

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareSeq(a: Seq, b: Seq): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The later of two seqs; null counts as before everything. */
export function laterSeq(a: Seq | null, b: Seq | null): Seq | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareSeq(a, b) >= 0 ? a : b;
}

/** What a client should do with a live `message:new`: show it, drop it, or catch up first. */
export type IncomingVerdict = 'append' | 'duplicate' | 'gap';

/**
 * The verdict on `incoming` for a client that has seen its thread up to `lastSeenSeq` and holds
 * messages with `knownIds`: a message it holds (by id) or older than what it saw is a duplicate;
 * one whose predecessor is not what it last saw means it missed something (ask for the messages
 * after `lastSeenSeq`, then apply this one).
 */
export function incomingVerdict(
  lastSeenSeq: Seq | null,
  knownIds: ReadonlySet<string>,
  incoming: { id: string; seq: Seq; prevSeq: Seq },
): IncomingVerdict {
  if (knownIds.has(incoming.id)) return 'duplicate';
  const seen = lastSeenSeq ?? '0';
  if (compareSeq(incoming.seq, seen) <= 0) return 'duplicate';
  return compareSeq(incoming.prevSeq, seen) === 0 ? 'append' : 'gap';
}

/**
 * `current` and `incoming` merged: one message per id (the incoming version wins, so edits and
 * tombstones replace what was shown), ordered by seq.
 */
export function mergeMessages<T extends { id: string; seq: Seq }>(current: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => compareSeq(a.seq, b.seq));
}
