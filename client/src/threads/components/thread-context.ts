import type { ThreadSubjectType } from '@commons/shared';
import { createContext, useContext } from 'react';
import type { Person } from '../hooks/use-people';
import type { ThreadController } from '../thread-controller';

export interface ThreadContextValue {
  controller: ThreadController | null;
  subjectType: ThreadSubjectType;
  subjectId: string;
  networkId: string;
  viewerId: string;
  /** The viewer may post (and so reply, react and edit her own). */
  canPost: boolean;
  /** The viewer may delete messages others wrote (moderation), as the server's policy says. */
  canModerate: boolean;
  people: ReadonlyMap<string, Person>;
}

export const ThreadContext = createContext<ThreadContextValue | null>(null);

export function useThreadContext(): ThreadContextValue {
  const value = useContext(ThreadContext);
  if (!value) throw new Error('useThreadContext is only for parts of a ThreadPanel');
  return value;
}
