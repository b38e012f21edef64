import { can, type MeasureKind } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AimPageQuery } from '../../gql/graphql';
import { useFormatDay, useFormatMonth } from '../../i18n/format';
import { useMeasureFormat } from '../../measures/format';
import { useNetwork } from '../../networks/network-context';
import { Card } from '../../ui/card';
import { Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { AimForm, type AimValues } from '../components/aim-form';
import { DriverDiagram } from '../components/driver-diagram';
import { JourneyBar } from '../components/journey-bar';
import { SiteProgress } from '../components/site-progress';
import { progressFraction } from '../progress';
import '../aims.css';

const AimPageDocument = graphql(`
  query AimPage($networkId: ID!) {
    aim(networkId: $networkId) {
      id
      statement
      baselineValue
      baselineFrom
      baselineTo
      targetValue
      dueDate
      outcomeMeasure {
        id
        name
        kind
        direction
        unit
      }
      current {
        value
        fromMonth
        toMonth
        suppressed
      }
      sites {
        site {
          id
          name
        }
        value
        suppressed
      }
    }
    drivers(networkId: $networkId) {
      id
      kind
      parentId
      position
      title
      description
      changeIdeas {
        id
        title
        status
      }
    }
  }
`);

const AIM_CONTEXT = { additionalTypenames: ['Driver', 'Aim', 'ChangeIdea'] };

type LoadedAim = NonNullable<AimPageQuery['aim']>;

/** The shared aim in plain words, how far the network and each site have come, and the key driver diagram. */
export function AimPage() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AimPageDocument,
    variables: { networkId: network.id },
    context: AIM_CONTEXT,
  });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mayEdit = can(actor, 'aim.edit');
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  if (!data) {
    return (
      <>
        <PageHeading>{t('aim.title')}</PageHeading>
        {fetching && <Loading />}
        {error && <QueryError error={error} onRetry={reload} />}
      </>
    );
  }

  const aim = data.aim;
  const formValues: AimValues | null = aim && {
    statement: aim.statement,
    outcomeMeasureId: aim.outcomeMeasure?.id ?? null,
    kind: aim.outcomeMeasure?.kind ?? null,
    baselineValue: aim.baselineValue,
    baselineFrom: aim.baselineFrom,
    baselineTo: aim.baselineTo,
    targetValue: aim.targetValue,
    dueDate: aim.dueDate,
  };

  return (
    <>
      <PageHeading>{t('aim.title')}</PageHeading>
      <p className="lead">{t('aim.intro', { network: network.name })}</p>
      <StatusMessage>{saved ? t('aim.saved') : null}</StatusMessage>
      {editing ? (
        <AimForm
          aim={formValues}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
            if (didSave) reload();
          }}
        />
      ) : aim ? (
        <AimSummary
          aim={aim}
          slug={network.slug}
          onEdit={
            mayEdit
              ? () => {
                  setSaved(false);
                  setEditing(true);
                }
              : undefined
          }
        />
      ) : (
        <div className="panel">
          <p>{t('aim.none')}</p>
          {mayEdit && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('aim.set')}
            </button>
          )}
        </div>
      )}

      {aim?.outcomeMeasure && (
        <Card title={t('aim.sites.title')}>
          <p className="muted">{t('aim.sites.intro', { measure: aim.outcomeMeasure.name })}</p>
          <SiteProgress
            rows={aim.sites.flatMap((row) => (row.site ? [{ ...row, site: row.site }] : []))}
            kind={aim.outcomeMeasure.kind}
            baseline={aim.baselineValue}
            target={aim.targetValue}
            ownSiteId={actor.siteId}
          />
        </Card>
      )}

      <DriverDiagram
        networkId={network.id}
        networkSlug={network.slug}
        aimStatement={aim?.statement ?? null}
        drivers={data.drivers}
        editable={mayEdit}
        onChanged={reload}
      />
    </>
  );
}

/** Formats an aim value in its outcome measure's unit (a plain number without one). */
function useAimValue(kind: MeasureKind | null) {
  const { format, number } = useMeasureFormat();
  return (value: number) => (kind ? format(kind, value) : number(value, 2));
}

/** The aim statement, a bar from baseline to target, and the same in words. */
function AimSummary({ aim, slug, onEdit }: { aim: LoadedAim; slug: string; onEdit?: () => void }) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const formatDay = useFormatDay();
  const kind = aim.outcomeMeasure?.kind ?? null;
  const value = useAimValue(kind);
  const { current } = aim;
  const fraction = progressFraction(aim.baselineValue, aim.targetValue, current.value);

  return (
    <section className="panel aim-hero" aria-label={t('aim.title')}>
      <p className="aim-hero__statement">{aim.statement}</p>
      <JourneyBar
        baseline={aim.baselineValue}
        target={aim.targetValue}
        value={current.value}
        labels={{
          start: t('aim.bar.start', { value: value(aim.baselineValue) }),
          end: t('aim.bar.goal', { value: value(aim.targetValue) }),
          now: current.value === null ? null : t('aim.bar.now', { value: value(current.value) }),
        }}
      />
      <p className="aim-hero__words">
        {current.suppressed
          ? t('aim.nowHidden')
          : current.value === null
            ? t('aim.noData')
            : t('aim.now', {
                value: value(current.value),
                from: formatMonth(current.fromMonth ?? ''),
                to: formatMonth(current.toMonth ?? ''),
              })}{' '}
        {t('aim.startedAndGoal', {
          baseline: value(aim.baselineValue),
          target: value(aim.targetValue),
          due: formatDay(aim.dueDate),
        })}{' '}
        {fraction !== null &&
          (fraction >= 1
            ? t('aim.reached')
            : fraction < 0
              ? t('aim.behind')
              : t('aim.wayThere', { percent: Math.round(fraction * 100) }))}
      </p>
      <dl className="facts">
        {aim.outcomeMeasure && (
          <div>
            <dt>{t('aim.outcomeMeasure')}</dt>
            <dd>
              <Link to={`/n/${slug}/measures/${aim.outcomeMeasure.id}`}>{aim.outcomeMeasure.name}</Link>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('aim.baseline')}</dt>
          <dd>
            {t('aim.baselineValue', {
              value: value(aim.baselineValue),
              from: formatMonth(aim.baselineFrom),
              to: formatMonth(aim.baselineTo),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('aim.target')}</dt>
          <dd>{t('aim.targetValue', { value: value(aim.targetValue), due: formatDay(aim.dueDate) })}</dd>
        </div>
      </dl>
      {onEdit && (
        <button type="button" className="button button--secondary" onClick={onEdit}>
          {t('aim.edit')}
        </button>
      )}
    </section>
  );
}
