import { interestSchema, MAX_INTERESTS, NAME_MAX, PROFILE_LIMITS, profileSchema } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { activeMemberships, useSignedInViewer } from '../../auth/viewer';
import { graphql } from '../../gql';
import { applyLocale, LOCALE_NAMES } from '../../i18n/i18n';
import { lastNetwork } from '../../networks/last-network';
import { Card } from '../../ui/card';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { OwnSiteForm } from '../components/own-site-form';
import { TagPicker } from '../../ui/tag-picker';
import { useForm } from '../../ui/use-form';

const UpdateProfileDocument = graphql(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      id
      name
      pronouns
      bio
      interests
      locale
    }
  }
`);

const InterestSuggestionsDocument = graphql(`
  query InterestSuggestions($networkId: ID!) {
    interests(networkId: $networkId, first: 60) {
      interest
    }
  }
`);

const FIELDS = ['name', 'pronouns', 'bio', 'interests', 'locale'] as const;

/** The member's own profile: how others see her, her language, and her site. */
export function ProfilePage() {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const memberships = activeMemberships(viewer);
  const suggestionNetwork = memberships.find((m) => m.network.slug === lastNetwork()) ?? memberships[0];
  const [{ data: suggestions }] = useQuery({
    query: InterestSuggestionsDocument,
    variables: { networkId: suggestionNetwork?.network.id ?? '' },
    pause: !suggestionNetwork,
  });
  const form = useForm(FIELDS);
  const { errors } = form;
  const [name, setName] = useState(viewer.name);
  const [pronouns, setPronouns] = useState(viewer.pronouns ?? '');
  const [bio, setBio] = useState(viewer.bio);
  const [interests, setInterests] = useState(viewer.interests);
  const [locale, setLocale] = useState(viewer.locale ?? '');
  const [saved, setSaved] = useState(false);
  const [{ fetching }, update] = useMutation(UpdateProfileDocument);

  async function submit() {
    setSaved(false);
    const input = { name, pronouns: pronouns.trim() || null, bio, interests, locale: locale || null };
    const result = await form.submit({
      check: () => form.validate(profileSchema, input),
      send: () => update({ input }),
    });
    if (!result?.data) return;
    const profile = result.data.updateProfile;
    setInterests(profile.interests);
    await applyLocale(profile.locale);
    setSaved(true);
  }

  return (
    <div className="narrow">
      <PageHeading>{t('profile.title')}</PageHeading>
      <p className="lead">{t('profile.intro')}</p>
      <form {...form.formProps(submit)} className="panel">
        <FormAlert messages={errors.form} />
        <TextField
          label={t('profile.fields.name')}
          name="name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
          limit={NAME_MAX}
          required
        />
        <TextField
          label={t('profile.fields.pronouns')}
          name="pronouns"
          value={pronouns}
          onChange={(e) => setPronouns(e.target.value)}
          error={errors.fields.pronouns}
          hint={t('profile.fields.pronounsHint')}
          limit={PROFILE_LIMITS.pronounsMax}
        />
        <TextAreaField
          label={t('profile.fields.bio')}
          name="bio"
          value={bio}
          onChange={(e) => setBio(e.target.value)}
          error={errors.fields.bio}
          hint={t('profile.fields.bioHint')}
          limit={PROFILE_LIMITS.bioMax}
        />
        <TagPicker
          label={t('profile.fields.interests')}
          hint={t('profile.fields.interestsHint', { count: MAX_INTERESTS })}
          values={interests}
          onChange={setInterests}
          error={errors.fields.interests}
          suggestions={suggestions?.interests.map((i) => i.interest)}
          max={MAX_INTERESTS}
          schema={interestSchema}
          texts={{
            add: t('profile.interests.add'),
            chosen: t('profile.interests.current'),
            remove: (interest) => t('profile.interests.remove', { interest }),
            added: (interest) => t('profile.interests.added', { interest }),
            removed: (interest) => t('profile.interests.removed', { interest }),
          }}
        />
        <SelectField
          label={t('profile.fields.language')}
          name="locale"
          value={locale}
          onChange={(e) => setLocale(e.target.value)}
          error={errors.fields.locale}
          options={[
            { value: '', label: t('profile.fields.languageBrowser') },
            ...Object.entries(LOCALE_NAMES).map(([value, label]) => ({ value, label, lang: value })),
          ]}
        />
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? t('profile.saving') : t('profile.save')}
        </button>
        <StatusMessage>{saved ? t('profile.saved') : null}</StatusMessage>
      </form>

      {memberships.length > 0 && (
        <Card title={t('profile.site.title')}>
          {memberships.map((membership) => (
            <OwnSiteForm key={membership.id} viewer={viewer} membership={membership} />
          ))}
        </Card>
      )}

      <Card title={t('profile.security.title')}>
        <p>{t('profile.security.body')}</p>
        <p>
          <Link to="/account">{t('account.link')}</Link>
        </p>
        <p>
          <Link to="/profile/sessions">{t('profile.security.sessions')}</Link>
        </p>
      </Card>
    </div>
  );
}
