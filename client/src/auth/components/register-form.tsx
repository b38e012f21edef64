import { MIN_PASSWORD_LENGTH, registerSchema } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { type FormErrors, toFormErrors } from '../../graphql/errors';
import { useResetGraphqlClient } from '../../graphql/graphql-provider';
import { FormAlert } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import type { InvitationPreview } from '../invitation-preview';
import { useForm } from '../../ui/use-form';

const RegisterDocument = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      id
    }
  }
`);

const FIELDS = ['email', 'name', 'password', 'token'] as const;
type Field = (typeof FIELDS)[number];

/** Creates an account for the invited address and lands the new member in her network. */
export function RegisterForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const resetClient = useResetGraphqlClient();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching }, register] = useMutation(RegisterDocument);

  // The token is not a field here: its problem belongs to the form as a whole.
  const tokenToForm = (failed: FormErrors<Field> | null): FormErrors<Field> | null =>
    failed && {
      fields: { ...failed.fields, token: undefined },
      form: failed.fields.token ? [failed.fields.token, ...failed.form] : failed.form,
    };

  async function submit() {
    const input = { token, email: preview.email, name, password };
    const result = await form.submit({
      check: () => tokenToForm(form.validate(registerSchema, input)),
      send: () => register({ input }),
      onError: (error) => tokenToForm(toFormErrors(error, FIELDS, t)) ?? undefined,
    });
    if (!result?.data) return;
    resetClient();
    void navigate(`/n/${preview.networkSlug}`, { replace: true });
  }

  return (
    <form {...form.formProps(submit)} className="panel">
      <h2>{t('invite.register.title')}</h2>
      <FormAlert messages={errors.form} />
      <TextField
        label={t('auth.fields.email')}
        name="email"
        type="email"
        value={preview.email}
        readOnly
        error={errors.fields.email}
        hint={t('invite.register.emailHint')}
      />
      <TextField
        label={t('auth.fields.name')}
        name="name"
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.fields.name}
        required
      />
      <TextField
        label={t('auth.fields.newPassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.fields.password}
        hint={t('invite.register.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        required
      />
      <button type="submit" className="button" disabled={fetching}>
        {fetching ? t('invite.register.submitting') : t('invite.register.submit', { network: preview.networkName })}
      </button>
    </form>
  );
}
