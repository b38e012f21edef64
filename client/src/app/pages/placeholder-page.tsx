import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/page-heading';

export type UpcomingSection = 'commons' | 'ideas' | 'groups';

/** An honest page for a part of Commons that is still being built, so the menu is complete. */
export function PlaceholderPage({ section }: { section: UpcomingSection }) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeading>{t(`nav.${section}`)}</PageHeading>
      <div className="panel placeholder">
        <p className="placeholder__title">{t('placeholder.onItsWay')}</p>
        <p>{t(`placeholder.${section}`)}</p>
      </div>
    </div>
  );
}
