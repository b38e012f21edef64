import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { toFormErrors } from '../../graphql/errors';
import { FormAlert, Loading } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { ConfirmEmailChangeDocument } from '../documents';

/** The page the link sent to a new address opens: it confirms the change at once. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [outcome, setOutcome] = useState<{ email: string } | { problems: string[] } | null>(null);
  const [, confirm] = useMutation(ConfirmEmailChangeDocument);

  useEffect(() => {
    let live = true;
    void confirm({ input: { token } }).then((result) => {
      if (!live) return;
      if (result.error || !result.data) {
        const errors = toFormErrors(result.error, ['token'], t);
        setOutcome({ problems: [...errors.form, ...(errors.fields.token ? [errors.fields.token] : [])] });
      } else setOutcome({ email: result.data.confirmEmailChange });
    });
    return () => {
      live = false;
    };
  }, [confirm, token, t]);

  return (
    <div className="narrow">
      <PageHeading>{t('account.confirmEmail.title')}</PageHeading>
      {!outcome && <Loading />}
      {outcome && 'email' in outcome && <p role="status">{t('account.confirmEmail.done', { email: outcome.email })}</p>}
      {outcome && 'problems' in outcome && <FormAlert messages={outcome.problems} />}
      <p>
        <Link to="/">{t('account.confirmEmail.continue')}</Link>
      </p>
    </div>
  );
}
