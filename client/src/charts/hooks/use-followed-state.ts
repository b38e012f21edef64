import { useState } from 'react';

/**
 * Local state that shows a change at once and follows `value` whenever it changes. For controls
 * whose value lives in the address: the router renders a new address as a transition, and a
 * checkbox bound straight to it would spring back until that transition commits.
 */
export function useFollowedState<T>(value: T): [T, (next: T) => void] {
  const [shown, setShown] = useState(value);
  const [followed, setFollowed] = useState(value);
  if (!Object.is(value, followed)) {
    setFollowed(value);
    setShown(value);
  }
  return [shown, setShown];
}
