import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useNetwork } from '../../networks/network-context';
import { Loading } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { IdeaForm } from '../components/idea-form';
import { useDriverOptions } from '../hooks/use-driver-options';
import '../change-ideas.css';

/** Any member proposes a change idea; she becomes its first co-designer. `?driver=` preselects a driver. */
export function ProposeIdeaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { network } = useNetwork();
  const { drivers, loading } = useDriverOptions(network.id);
  const list = `/n/${network.slug}/ideas`;
  const preselected = searchParams.get('driver');

  return (
    <div className="narrow-wide">
      <p className="breadcrumb">
        <Link to={list}>{t('ideas.backToList')}</Link>
      </p>
      <PageHeading>{t('ideas.propose.title')}</PageHeading>
      <p className="lead">{t('ideas.propose.intro')}</p>
      {loading ? (
        <Loading />
      ) : (
        <IdeaForm
          networkId={network.id}
          drivers={drivers}
          initial={preselected && drivers.some((d) => d.id === preselected) ? { driverIds: [preselected] } : undefined}
          onDone={(saved) =>
            void navigate(saved ? `${list}/${saved.id}` : list, {
              state: saved ? { proposed: saved.title } : undefined,
            })
          }
        />
      )}
    </div>
  );
}
