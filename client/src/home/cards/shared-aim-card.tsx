import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { JourneyBar } from '../../aims/components/journey-bar';
import { graphql } from '../../gql';
import { useFormatDay } from '../../i18n/format';
import { useMeasureFormat } from '../../measures/format';
import { Card } from '../../ui/card';
import { Loading, QueryError } from '../../ui/feedback';
import type { HomeCardProps } from '../card-registry';

const SharedAimDocument = graphql(`
  query SharedAim($networkId: ID!) {
    aim(networkId: $networkId) {
      id
      statement
      baselineValue
      targetValue
      dueDate
      outcomeMeasure {
        id
        kind
      }
      current {
        value
        suppressed
      }
    }
  }
`);

/** The network's aim in plain words, and where the whole network stands against its goal. */
export function SharedAimCard({ network, actor }: HomeCardProps) {
  const { t } = useTranslation();
  const { format, number } = useMeasureFormat();
  const formatDay = useFormatDay();
  const [{ data, fetching, error }] = useQuery({ query: SharedAimDocument, variables: { networkId: network.id } });
  const aim = data?.aim;
  const kind = aim?.outcomeMeasure?.kind ?? null;
  const value = (v: number) => (kind ? format(kind, v) : number(v, 2));

  return (
    // For patients and families the aim comes first, across the page.
    <Card
      title={t('home.sharedAim.title')}
      className={
        actor.role === 'PATIENT_PARTNER' || actor.role === 'FAMILY_MEMBER' ? 'card--wide shared-aim--lead' : undefined
      }
    >
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} />}
      {data && !aim && <p>{t('home.sharedAim.none')}</p>}
      {aim && (
        <>
          <p className="shared-aim__statement">{aim.statement}</p>
          {aim.current.value !== null ? (
            <>
              <p className="big-number">
                <span className="big-number__value">{value(aim.current.value)}</span>{' '}
                <span>{t('home.sharedAim.now', { target: value(aim.targetValue), due: formatDay(aim.dueDate) })}</span>
              </p>
              <JourneyBar
                baseline={aim.baselineValue}
                target={aim.targetValue}
                value={aim.current.value}
                labels={{
                  start: t('aim.bar.start', { value: value(aim.baselineValue) }),
                  end: t('aim.bar.goal', { value: value(aim.targetValue) }),
                  now: null,
                }}
              />
            </>
          ) : (
            <p className="muted">{aim.current.suppressed ? t('aim.nowHidden') : t('aim.noData')}</p>
          )}
        </>
      )}
      <p>
        <Link to={`/n/${network.slug}/aim`}>{t('home.sharedAim.link')}</Link>
      </p>
    </Card>
  );
}
