import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { TwoFactorStep } from '../../account/components/two-factor-step';
import { graphql } from '../../gql';
import { useResetGraphqlClient } from '../../graphql/graphql-provider';
import { NO_ERRORS } from '../../graphql/errors';
import { SessionEndedNotice } from '../../realtime/session-ended';
import { useSetupStatus } from '../../setup/hooks/use-setup-status';
import { FormAlert } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { safeNextPath } from '../safe-next';
import { useViewer } from '../viewer';
import { useForm } from '../../ui/use-form';

const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      id
    }
  }
`);

const FIELDS = ['email', 'password'] as const;

const loadRules = () => import('../sign-in-validation');

/** Email and password; afterwards, back to where the member was going. */
export function SignInPage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const resetClient = useResetGraphqlClient();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [{ fetching }, signIn] = useMutation(SignInDocument);
  // The form's rules come in their own chunk, fetched once the page is drawn.
  useEffect(() => void loadRules(), []);
  const setup = useSetupStatus();

  if (viewer && !fetching) return <Navigate to={next} replace />;
  // A Commons without any network has nobody to sign in: it offers to set one up instead.
  if (setup.needed) return <Navigate to="/setup" replace />;

  async function submit() {
    const input = { email, password };
    const { signInSchema } = await loadRules();
    const result = await form.submit({
      check: () => form.validate(signInSchema, input),
      send: () => signIn({ input }),
      onError: (error) => {
        const twoFactor = error.graphQLErrors[0]?.extensions;
        if (twoFactor?.code === 'TWO_FACTOR_REQUIRED' && typeof twoFactor.challenge === 'string') {
          setChallenge(twoFactor.challenge);
          return NO_ERRORS;
        }
      },
    });
    if (!result?.data) return;
    resetClient();
    void navigate(next, { replace: true });
  }

  if (challenge) {
    return (
      <TwoFactorStep
        challenge={challenge}
        onSignedIn={() => {
          resetClient();
          void navigate(next, { replace: true });
        }}
        onRestart={() => {
          setChallenge(null);
          setPassword('');
        }}
      />
    );
  }

  return (
    <div className="narrow">
      <PageHeading>{t('auth.signIn.title')}</PageHeading>
      <SessionEndedNotice />
      <p className="lead">{t('auth.signIn.intro')}</p>
      <form {...form.formProps(submit)} className="panel">
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
        <p>
          <Link to="/forgot-password">{t('account.forgot.link')}</Link>
        </p>
      </form>
      <p className="muted">{t('auth.signIn.invitationOnly')}</p>
    </div>
  );
}
