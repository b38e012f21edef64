import { can, RESOURCE_LIMITS, resourceUseSchema } from '@commons/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { ResourcePageFieldsFragment } from '../../gql/graphql';
import { useFormatDate } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { SelectField, TextAreaField } from '../../ui/field';
import { useForm } from '../../ui/use-form';

const RecordUseDocument = graphql(`
  mutation RecordResourceUse($resourceId: ID!, $input: ResourceUseInput!) {
    recordResourceUse(resourceId: $resourceId, input: $input) {
      id
      useCount
    }
  }
`);

const RemoveUseDocument = graphql(`
  mutation RemoveResourceUse($resourceId: ID!, $siteId: ID!) {
    removeResourceUse(resourceId: $resourceId, siteId: $siteId) {
      id
      useCount
    }
  }
`);

const FIELDS = ['siteId', 'note'] as const;

/**
 * "We used this": the sites that used the resource, each with its note, and a form for the
 * member to say her site used it (admins: any site). Evidence of spread across sites.
 */
export function ResourceUses({ resource }: { resource: ResourcePageFieldsFragment }) {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const formatDate = useFormatDate();
  const headingId = useId();
  const form = useForm(FIELDS);
  const { errors } = form;
  const sites = network.sites.filter((site) => can(actor, 'resource.markUsed', { siteId: site.id }));
  const [siteId, setSiteId] = useState(sites.find((site) => site.id === actor.siteId)?.id ?? sites[0]?.id ?? '');
  const existing = resource.uses.find((use) => use.site.id === siteId);
  const [note, setNote] = useState(existing?.note ?? '');
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [recordState, record] = useMutation(RecordUseDocument);
  const [removeState, remove] = useMutation(RemoveUseDocument);

  async function submit() {
    const input = { siteId, note };
    const result = await form.submit({
      check: () => form.validate(resourceUseSchema, input),
      send: () => record({ resourceId: resource.id, input }),
    });
    if (!result) return;
    setOpen(false);
    setSaved(t('commons.uses.saved', { site: sites.find((s) => s.id === siteId)?.name ?? '' }));
  }

  return (
    <section className="resource-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commons.uses.title')}</h2>
      <StatusMessage>{saved}</StatusMessage>
      {resource.uses.length === 0 ? (
        <p className="muted">{t('commons.uses.none')}</p>
      ) : (
        <>
          <p>{t('commons.uses.count', { count: resource.uses.length })}</p>
          <ul className="use-list">
            {resource.uses.map((use) => (
              <li key={use.site.id} className="use">
                <p className="use__site">
                  <strong>{use.site.name}</strong>
                  <span className="muted small">
                    {' '}
                    · {t('commons.uses.recordedBy', { name: use.recordedBy.name, date: formatDate(use.updatedAt) })}
                  </span>
                </p>
                {use.note && <p className="use__note">{use.note}</p>}
                {use.viewerCanRemove && (
                  <button
                    type="button"
                    className="link-button link-button--danger"
                    disabled={removeState.fetching}
                    onClick={() =>
                      void remove({ resourceId: resource.id, siteId: use.site.id }).then((result) => {
                        if (!result.error) setSaved(t('commons.uses.removed', { site: use.site.name }));
                      })
                    }
                  >
                    {t('commons.uses.remove', { site: use.site.name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {sites.length === 0 ? (
        <p className="muted small">{t('commons.uses.noSite')}</p>
      ) : open ? (
        <form {...form.formProps(submit)} className="use-form panel">
          <FormAlert messages={errors.form} />
          {sites.length > 1 ? (
            <SelectField
              label={t('commons.uses.site')}
              value={siteId}
              onChange={(e) => {
                setSiteId(e.target.value);
                setNote(resource.uses.find((use) => use.site.id === e.target.value)?.note ?? '');
              }}
              options={sites.map((site) => ({ value: site.id, label: site.name }))}
              error={errors.fields.siteId}
            />
          ) : (
            <p>
              <span className="field__label">{t('commons.uses.site')}</span>
              <br />
              {sites[0].name}
            </p>
          )}
          <TextAreaField
            label={t('commons.uses.note')}
            hint={t('commons.uses.noteHint', { count: RESOURCE_LIMITS.useNoteMax })}
            value={note}
            limit={RESOURCE_LIMITS.useNoteMax}
            onChange={(e) => setNote(e.target.value)}
            error={errors.fields.note}
            rows={3}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={recordState.fetching}>
              {t('commons.uses.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setNote(existing?.note ?? '');
            setOpen(true);
          }}
        >
          {existing ? t('commons.uses.edit') : t('commons.uses.add')}
        </button>
      )}
    </section>
  );
}
