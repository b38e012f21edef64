import { useTranslation } from 'react-i18next';
import { useSignedInViewer } from '../../auth/viewer';
import { useNetwork } from '../../networks/network-context';
import { RevealTogether } from '../../ui/feedback';
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
      {/* Each card asks for its own data; they are shown together, so none pushes another down as it arrives. */}
      <RevealTogether className="card-grid">
        {homeCards.cardsFor(actor).map(({ id, Component }) => (
          <Component key={id} viewer={viewer} network={network} actor={actor} />
        ))}
      </RevealTogether>
    </>
  );
}
