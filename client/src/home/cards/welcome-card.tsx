import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../ui/card';
import type { HomeCardProps } from '../card-registry';

/** Who the member is here: her role, her site, and what the network is for. */
export function WelcomeCard({ network, actor }: HomeCardProps) {
  const { t, i18n } = useTranslation();
  const site = network.sites.find((s) => s.id === actor.siteId);
  // Mid-sentence, a role reads in lower case ("You take part as patient partner").
  const role = t(`roles.${actor.role}`).toLocaleLowerCase(i18n.resolvedLanguage);
  return (
    <Card title={t('home.welcome.title', { network: network.name })} className="card--wide">
      <p className="lead">
        {site ? t('home.welcome.roleAtSite', { role, site: site.name }) : t('home.welcome.role', { role })}
      </p>
      <p>{t(`home.welcome.hint.${actor.role}`)}</p>
      <p className="muted">{network.description}</p>
      <p>
        <Link to="/profile">{t('home.welcome.editProfile')}</Link>
      </p>
    </Card>
  );
}
