import { MIN_PASSWORD_LENGTH } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { describeError, errorCode, errorIssues, type FormErrors, NO_ERRORS } from '../../graphql/errors';
import { useResetGraphqlClient } from '../../graphql/graphql-provider';
import { FormAlert } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { aboveForm, useForm } from '../../ui/use-form';
import {
  emptySetupForm,
  NO_SETUP_ERRORS,
  SETUP_FIELDS,
  type SetupErrors,
  setupErrors,
  type SetupField,
  setupInput,
  validateSetup,
  withNetworkName,
} from '../setup-form';
import { type SiteRowField, SiteRows } from './site-rows';

const CompleteSetupDocument = graphql(`
  mutation CompleteSetup($input: CompleteSetupInput!) {
    completeSetup(input: $input) {
      networkSlug
    }
  }
`);

/**
 * The setup errors as the form shows them: a site row's under `sites.<row>`, and a code from the
 * link (no field here) above the form.
 */
function shown(failed: SetupErrors, fromLink: boolean): FormErrors<SetupField | SiteRowField> {
  const rows = Object.entries(failed.siteRows).map(([row, message]): [SiteRowField, string] => [
    `sites.${Number(row)}`,
    message,
  ]);
  const errors = { form: failed.form, fields: { ...failed.fields, ...Object.fromEntries(rows) } };
  return fromLink ? aboveForm(errors, 'token') : errors;
}

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
  const form = useForm<SetupField | SiteRowField>(SETUP_FIELDS);
  const { errors } = form;
  const [values, setValues] = useState(() => emptySetupForm(linkToken ?? ''));
  const [{ fetching }, completeSetup] = useMutation(CompleteSetupDocument);
  const set = (changes: Partial<typeof values>) => setValues((current) => ({ ...current, ...changes }));

  async function submit() {
    const fromLink = linkToken !== null;
    const { input, rows } = setupInput(values);
    const result = await form.submit({
      check: () => {
        const invalid = validateSetup(values, t);
        return invalid && shown(invalid, fromLink);
      },
      send: () => completeSetup({ input }),
      onError: (error) => {
        if (errorCode(error) === 'ALREADY_SET_UP') {
          onAlreadySetUp();
          return NO_ERRORS;
        }
        const issues = errorIssues(error);
        const failed = issues.length
          ? setupErrors(issues, rows, t)
          : { ...NO_SETUP_ERRORS, form: [describeError(error, t)] };
        return shown(failed, fromLink);
      },
    });
    if (!result?.data) return;
    resetClient();
    void navigate(`/n/${result.data.completeSetup.networkSlug}`, { replace: true });
  }

  return (
    <form {...form.formProps(submit)} className="panel setup-form">
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
      <SiteRows sites={values.sites} errors={errors.fields} onChange={(sites) => set({ sites })} />
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
