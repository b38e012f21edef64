import { can, RESOURCE_LIMITS, resourceUseSchema } from '@commons/shared';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { ResourcePageFieldsFragment } from '../../gql/graphql';
import { type FormErrors, NO_ERRORS, toFormErrors, validateWith } from '../../graphql/errors';
import { useFormatDate } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { focusFirstInvalid, SelectField, TextAreaField } from '../../ui/field';

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
type Field = (typeof FIELDS)[number];

/**
 * "We used this": the sites that used the resource, each with its note, and a form for the
 * member to say her site used it (admins: any site). Evidence of spread across sites.
 */
export function ResourceUses({ resource }: { resource: ResourcePageFieldsFragment }) {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const formatDate = useFormatDate();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const sites = network.sites.filter((site) => can(actor, 'resource.markUsed', { siteId: site.id }));
  const [siteId, setSiteId] = useState(sites.find((site) => site.id === actor.siteId)?.id ?? sites[0]?.id ?? '');
  const existing = resource.uses.find((use) => use.site.id === siteId);
  const [note, setNote] = useState(existing?.note ?? '');
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [recordState, record] = useMutation(RecordUseDocument);
  const [removeState, remove] = useMutation(RemoveUseDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { siteId, note };
    const invalid = validateWith(resourceUseSchema, input, FIELDS, t);
    const result = invalid ? null : await record({ resourceId: resource.id, input });
    const failed = invalid ?? (result?.error ? toFormErrors(result.error, FIELDS, t) : null);
    if (failed) {
      setErrors(failed);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors(NO_ERRORS);
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
                  <span className="muted small"> · {t('commons.uses.recordedBy', { name: use.recordedBy.name, date: formatDate(use.updatedAt) })}</span>
                </p>
                {use.note && <p className="use__note">{use.note}</p>}
                {can(actor, 'resource.markUsed', { siteId: use.site.id }) && (
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
        <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="use-form panel">
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
            maxLength={RESOURCE_LIMITS.useNoteMax}
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
