/** The badge's state: the unread count of one network, and the latest thing to announce. */
export interface UnreadState {
  networkId: string;
  /** Null until the first answer. */
  count: number | null;
  /** Announced politely when set; `seq` changes with each announcement so a repeat is heard again. */
  announcement: { seq: number; count: number } | null;
}

export type UnreadEvent =
  /** The server answered the count query. */
  | { type: 'fetched'; networkId: string; count: number }
  /** `notification:new`: something new arrived, with the new count. */
  | { type: 'arrived'; networkId: string; count: number }
  /** `notifications:unread`: the member read some (here or in another tab). */
  | { type: 'changed'; networkId: string; count: number };

export const initialUnread = (networkId: string): UnreadState => ({ networkId, count: null, announcement: null });

/**
 * The next badge state. Events of other networks change nothing. Only an arrival is announced:
 * loading the count, or reading notifications, is not news.
 */
export function unreadReducer(state: UnreadState, event: UnreadEvent): UnreadState {
  if (event.networkId !== state.networkId) return state;
  if (event.type === 'arrived')
    return {
      ...state,
      count: event.count,
      announcement: { seq: (state.announcement?.seq ?? 0) + 1, count: event.count },
    };
  return state.count === event.count ? state : { ...state, count: event.count };
}
