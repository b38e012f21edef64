import type { Role } from '@commons/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from 'urql';
import { ThreadMemberDocument } from '../documents';

export interface Person {
  name: string;
  role: Role | null;
}

/**
 * Names and roles of the members a thread shows (authors, those who reacted), by user id. Names
 * come with messages and presence; the roles, and the names of those only seen in reactions, are
 * looked up once each in the network's directory (a member who left stays nameless, roleless).
 */
export function usePeople(
  networkId: string,
  known: ReadonlyMap<string, string>,
  wanted: readonly string[],
): ReadonlyMap<string, Person> {
  const client = useClient();
  const [looked, setLooked] = useState<ReadonlyMap<string, Person>>(new Map());
  const asked = useRef(new Set<string>());
  const key = [...new Set(wanted)].sort().join(',');

  useEffect(() => {
    const missing = key.split(',').filter((id) => id && !asked.current.has(id));
    for (const userId of missing) {
      asked.current.add(userId);
      void client
        .query(ThreadMemberDocument, { networkId, userId })
        .toPromise()
        .then(({ data }) => {
          if (data)
            setLooked((current) => new Map(current).set(userId, { name: data.member.name, role: data.member.role }));
        });
    }
  }, [client, networkId, key]);

  return useMemo(() => {
    const people = new Map<string, Person>();
    for (const [userId, name] of known) people.set(userId, { name, role: null });
    for (const [userId, person] of looked)
      people.set(userId, { name: known.get(userId) ?? person.name, role: person.role });
    return people;
  }, [known, looked]);
}
