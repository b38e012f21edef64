import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInViewer } from '../../auth/viewer';
import { useNetwork } from '../../networks/network-context';
import { Loading } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { homeCards } from '../card-registry';
// The cards register themselves: they load with the home page, not with every page.
import '../cards';

/** The network's home: cards chosen by the member's role. */
export function HomePage() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const { network, actor } = useNetwork();
  return (
    <>
      <PageHeading title={network.name}>{t('home.title', { name: viewer.name })}</PageHeading>
      {/* Every card at once, when each has its data (see CARD_QUERY). */}
      <Suspense fallback={<Loading />}>
        <div className="card-grid">
          {homeCards.cardsFor(actor).map(({ id, Component }) => (
            <Component key={id} viewer={viewer} network={network} actor={actor} />
          ))}
        </div>
      </Suspense>
    </>
  );
}
