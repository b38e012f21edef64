import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { driverTree } from '../../aims/drivers';
import { graphql } from '../../gql';

const IdeaDriversDocument = graphql(`
  query IdeaDrivers($networkId: ID!) {
    drivers(networkId: $networkId) {
      id
      kind
      parentId
      position
      title
      description
    }
  }
`);

// A constant: urql runs the query again whenever the context object changes.
const DRIVER_CONTEXT = { additionalTypenames: ['Driver'] };

export interface DriverOption {
  id: string;
  title: string;
  /** The primary driver's title, for a secondary driver. */
  parentTitle: string | null;
}

/** The network's drivers in the diagram's order (each primary, then its secondaries), with a label that says where each sits. */
export function useDriverOptions(networkId: string) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: IdeaDriversDocument,
    variables: { networkId },
    context: DRIVER_CONTEXT,
  });
  const drivers: DriverOption[] = data
    ? driverTree(data.drivers).flatMap(({ driver, secondaries }) => [
        { id: driver.id, title: driver.title, parentTitle: null },
        ...secondaries.map((secondary) => ({ id: secondary.id, title: secondary.title, parentTitle: driver.title })),
      ])
    : [];
  const label = (option: DriverOption) =>
    option.parentTitle
      ? t('ideas.drivers.secondaryOption', { title: option.title, parent: option.parentTitle })
      : option.title;
  return { drivers, label, loading: fetching && !data, error };
}
