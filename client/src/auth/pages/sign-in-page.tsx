import { signInSchema } from '@commons/shared';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { type FormErrors, NO_ERRORS, toFormErrors, validateWith } from '../../graphql/errors';
import { useResetGraphqlClient } from '../../graphql/graphql-provider';
import { SessionEndedNotice } from '../../realtime/session-ended';
import { useSetupStatus } from '../../setup/hooks/use-setup-status';
import { FormAlert } from '../../ui/feedback';
import { focusFirstInvalid, TextField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { safeNextPath } from '../safe-next';
import { useViewer } from '../viewer';

const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      id
    }
  }
`);

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Email and password; afterwards, back to where the member was going. */
export function SignInPage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const resetClient = useResetGraphqlClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [{ fetching }, signIn] = useMutation(SignInDocument);
  const setup = useSetupStatus();

  if (viewer && !fetching) return <Navigate to={next} replace />;
  // A Commons without any network has nobody to sign in: it offers to set one up instead.
  if (setup.needed) return <Navigate to="/setup" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { email, password };
    const invalid = validateWith(signInSchema, input, FIELDS, t);
    if (invalid) {
      setErrors(invalid);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors(NO_ERRORS);
    const result = await signIn({ input });
    if (result.error || !result.data) {
      setErrors(toFormErrors(result.error, FIELDS, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    resetClient();
    void navigate(next, { replace: true });
  }

  return (
    <div className="narrow">
      <PageHeading>{t('auth.signIn.title')}</PageHeading>
      <SessionEndedNotice />
      <p className="lead">{t('auth.signIn.intro')}</p>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="panel">
        <FormAlert messages={errors.form} />
        <TextField
          label={t('auth.fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
          required
        />
        <TextField
          label={t('auth.fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
          required
        />
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
        </button>
      </form>
      <p className="muted">{t('auth.signIn.invitationOnly')}</p>
    </div>
  );
}
