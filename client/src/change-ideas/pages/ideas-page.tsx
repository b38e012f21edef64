import { CHANGE_IDEA_STATUSES } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNetwork } from '../../networks/network-context';
import { SelectField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { DecisionDays } from '../components/decision-days';
import { IdeaResults } from '../components/idea-results';
import { useDriverOptions } from '../hooks/use-driver-options';
import { type StatusFilter, statusesOf, useIdeaFilter } from '../hooks/use-idea-filter';
import '../change-ideas.css';

/** Every change idea of the network, filtered by status and driver, and the way to propose one. */
export function IdeasPage() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const { filter, update } = useIdeaFilter();
  const { drivers, label } = useDriverOptions(network.id);
  const statusOptions = [
    { value: '', label: t('ideas.filter.anyStatus') },
    { value: 'OPEN', label: t('ideas.filter.open') },
    ...CHANGE_IDEA_STATUSES.map((status) => ({ value: status, label: t(`ideas.status.${status}`) })),
  ];
  const driverOptions = [
    { value: '', label: t('ideas.filter.anyDriver') },
    ...drivers.map((driver) => ({ value: driver.id, label: label(driver) })),
  ];
  // A driver from the address that is not (or not yet) listed still filters; it shows as "any" until the list arrives.
  const driverKnown = drivers.some((driver) => driver.id === filter.driver);

  return (
    <>
      <PageHeading>{t('ideas.list.title')}</PageHeading>
      <p className="lead">{t('ideas.list.intro')}</p>
      <DecisionDays />
      <p>
        <Link className="button" to={`/n/${network.slug}/ideas/new`}>
          {t('ideas.propose.title')}
        </Link>
      </p>
      <div className="filters idea-filters" role="search" aria-label={t('ideas.filter.label')}>
        <SelectField
          label={t('ideas.filter.status')}
          value={filter.status}
          onChange={(e) => update({ status: e.target.value as StatusFilter })}
          options={statusOptions}
          className="field--compact"
        />
        <SelectField
          label={t('ideas.filter.driver')}
          value={driverKnown ? filter.driver : ''}
          onChange={(e) => update({ driver: e.target.value })}
          options={driverOptions}
          className="field--compact"
        />
      </div>
      <IdeaResults
        key={`${filter.status}|${filter.driver}`}
        networkId={network.id}
        networkSlug={network.slug}
        statuses={statusesOf(filter.status)}
        driverId={filter.driver || null}
      />
    </>
  );
}
