import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavigationType, useLocation, useNavigationType } from 'react-router';
import { Loading } from '../../ui/feedback';

/**
 * `/sign-in` inside the app: the sign-in page is an entry of its own (sign-in.html, see
 * sign-in.tsx), so getting there from a page of the app loads it from the server. A document that
 * was itself loaded at this address (a server that answered with the app instead) is not reloaded,
 * which would repeat for ever: it shows a plain link.
 */
export function SignInRedirect() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const arrivedHere = useNavigationType() === NavigationType.Pop;
  const target = pathname + search;
  useEffect(() => {
    if (!arrivedHere) window.location.replace(target);
  }, [arrivedHere, target]);
  return arrivedHere ? (
    <p>
      <a href={target}>{t('auth.signIn.submit')}</a>
    </p>
  ) : (
    <Loading />
  );
}
