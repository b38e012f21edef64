import { MIN_PASSWORD_LENGTH } from '@commons/shared';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { describeError, errorCode, errorIssues } from '../../graphql/errors';
import { useResetGraphqlClient } from '../../graphql/graphql-provider';
import { FormAlert } from '../../ui/feedback';
import { focusFirstInvalid, TextField } from '../../ui/field';
import {
  emptySetupForm,
  NO_SETUP_ERRORS,
  type SetupErrors,
  setupErrors,
  setupInput,
  validateSetup,
  withNetworkName,
} from '../setup-form';
import { SiteRows } from './site-rows';

const CompleteSetupDocument = graphql(`
  mutation CompleteSetup($input: CompleteSetupInput!) {
    completeSetup(input: $input) {
      networkSlug
    }
  }
`);

interface SetupFormProps {
  /** The setup code from the link, or null when the person has to paste it. */
  linkToken: string | null;
  /** Called when the server says a network exists already. */
  onAlreadySetUp: () => void;
}

/** Creates the network, its sites and its first admin in one go, then opens the network signed in. */
export function SetupForm({ linkToken, onAlreadySetUp }: SetupFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const resetClient = useResetGraphqlClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => emptySetupForm(linkToken ?? ''));
  const [errors, setErrors] = useState<SetupErrors>(NO_SETUP_ERRORS);
  const [{ fetching }, completeSetup] = useMutation(CompleteSetupDocument);
  const set = (changes: Partial<typeof values>) => setValues((current) => ({ ...current, ...changes }));

  function fail(failed: SetupErrors) {
    // A code from the link is not a field here: its problem belongs to the form as a whole.
    const tokenProblem = linkToken !== null && failed.fields.token;
    setErrors(
      tokenProblem
        ? { ...failed, fields: { ...failed.fields, token: undefined }, form: [failed.fields.token!, ...failed.form] }
        : failed,
    );
    focusFirstInvalid(formRef.current);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = validateSetup(values, t);
    if (invalid) return fail(invalid);
    setErrors(NO_SETUP_ERRORS);
    const { input, rows } = setupInput(values);
    const result = await completeSetup({ input });
    if (result.error || !result.data) {
      if (errorCode(result.error) === 'ALREADY_SET_UP') return onAlreadySetUp();
      const issues = errorIssues(result.error);
      return fail(
        issues.length
          ? setupErrors(issues, rows, t)
          : { ...NO_SETUP_ERRORS, form: [result.error ? describeError(result.error, t) : t('errors.unknown')] },
      );
    }
    resetClient();
    void navigate(`/n/${result.data.completeSetup.networkSlug}`, { replace: true });
  }

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="panel setup-form">
      <FormAlert messages={errors.form} />
      {linkToken === null && (
        <TextField
          label={t('setup.token.label')}
          name="token"
          value={values.token}
          onChange={(e) => set({ token: e.target.value })}
          error={errors.fields.token}
          hint={t('setup.token.hint')}
          autoComplete="off"
          required
        />
      )}
      <fieldset className="setup-form__part">
        <legend>{t('setup.network.legend')}</legend>
        <TextField
          label={t('setup.network.name')}
          name="networkName"
          value={values.networkName}
          onChange={(e) => setValues((current) => withNetworkName(current, e.target.value))}
          error={errors.fields.networkName}
          autoComplete="organization"
          required
        />
        <TextField
          label={t('setup.network.slug')}
          name="networkSlug"
          value={values.networkSlug}
          onChange={(e) => set({ networkSlug: e.target.value, slugEdited: true })}
          error={errors.fields.networkSlug}
          hint={t('setup.network.slugHint', { address: `${window.location.origin}/n/${values.networkSlug || '…'}` })}
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField
          label={t('setup.network.startMonth')}
          name="startMonth"
          type="month"
          value={values.startMonth}
          onChange={(e) => set({ startMonth: e.target.value })}
          error={errors.fields.startMonth}
          hint={t('setup.network.startMonthHint')}
          className="field--short"
          required
        />
      </fieldset>
      <SiteRows sites={values.sites} errors={errors.siteRows} onChange={(sites) => set({ sites })} />
      <fieldset className="setup-form__part">
        <legend>{t('setup.admin.legend')}</legend>
        <p className="field__hint">{t('setup.admin.hint')}</p>
        <TextField
          label={t('auth.fields.name')}
          name="adminName"
          autoComplete="name"
          value={values.adminName}
          onChange={(e) => set({ adminName: e.target.value })}
          error={errors.fields.adminName}
          required
        />
        <TextField
          label={t('auth.fields.email')}
          name="adminEmail"
          type="email"
          autoComplete="email"
          value={values.adminEmail}
          onChange={(e) => set({ adminEmail: e.target.value })}
          error={errors.fields.adminEmail}
          required
        />
        <TextField
          label={t('auth.fields.newPassword')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => set({ password: e.target.value })}
          error={errors.fields.password}
          hint={t('invite.register.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          required
        />
      </fieldset>
      <button type="submit" className="button" disabled={fetching}>
        {fetching ? t('setup.submitting') : t('setup.submit')}
      </button>
    </form>
  );
}
