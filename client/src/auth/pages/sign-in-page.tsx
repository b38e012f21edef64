import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TwoFactorStep } from '../../account/components/two-factor-step';
import { graphql } from '../../gql';
import { NO_ERRORS } from '../../graphql/errors';
import { request } from '../../graphql/request';
import { SessionEndedNotice, type SignedOutReason } from '../../realtime/session-ended';
import { FormAlert } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
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

/**
 * Email and password, then the code for an account with two-factor; afterwards `open(next)`, back
 * to where the member was going. The page runs outside the app (see sign-in.tsx): it sends with
 * `request`, and opening the app is a page load.
 */
export function SignInPage({
  next,
  sessionEnded,
  open,
}: {
  next: string;
  sessionEnded: SignedOutReason | null;
  open: (path: string) => void;
}) {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit() {
    const input = { email, password };
    const { signInSchema } = await loadRules();
    setSending(true);
    const result = await form.submit({
      check: () => form.validate(signInSchema, input),
      send: () => request(SignInDocument, { input }),
      onError: (error) => {
        const twoFactor = error.graphQLErrors[0]?.extensions;
        if (twoFactor?.code === 'TWO_FACTOR_REQUIRED' && typeof twoFactor.challenge === 'string') {
          setChallenge(twoFactor.challenge);
          return NO_ERRORS;
        }
      },
    });
    // Signed in, the button stays busy while the app opens.
    if (result?.data) open(next);
    else setSending(false);
  }

  if (challenge) {
    return (
      <TwoFactorStep
        challenge={challenge}
        onSignedIn={() => open(next)}
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
      <SessionEndedNotice reason={sessionEnded} />
      <p className="lead">{t('auth.signIn.intro')}</p>
      {/* The form's rules come in their own chunk (zod is most of it), fetched when the person
          starts on the form: a visitor who only looks never downloads them. Focus only fetches; it
          does nothing a person would notice, so the form stays a plain form. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form {...form.formProps(submit)} onFocus={() => void loadRules()} className="panel">
        <FormAlert messages={errors.form} />
        <TextField
          label={t('auth.fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          {...form.field('email', email, setEmail)}
          required
        />
        <TextField
          label={t('auth.fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          {...form.field('password', password, setPassword)}
          required
        />
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
        </button>
        <p>
          <a href="/forgot-password">{t('account.forgot.link')}</a>
        </p>
      </form>
      <p className="muted">{t('auth.signIn.invitationOnly')}</p>
    </div>
  );
}
