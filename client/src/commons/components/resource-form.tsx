import {
  can,
  RESOURCE_KINDS,
  RESOURCE_LICENSES,
  RESOURCE_LIMITS,
  type ResourceKind,
  resourceEditSchema,
  resourceInputSchema,
  ROLES,
  type Role,
  tagSchema,
} from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { type FormErrors, toFormErrors } from '../../graphql/errors';
import { useNetwork } from '../../networks/network-context';
import { FormAlert } from '../../ui/feedback';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { licenseInfo } from '../format';
import {
  changesBeyondAdaptation,
  type ResourceContent,
  type ResourceFormValues,
  toResourceInput,
} from '../resource-form-values';
import { uploadAttachment } from '../upload';
import type { AttachmentItem } from './attachment-list';
import { describeUploadError, type FileProblem, LiveAttachments, PendingAttachments } from './attachments-field';
import { MarkdownField } from './markdown-field';
import { TagPicker } from '../../ui/tag-picker';
import { useForm } from '../../ui/use-form';

const NetworkTagsDocument = graphql(`
  query NetworkTags($networkId: ID!) {
    networkTags(networkId: $networkId) {
      tag
      description
    }
  }
`);

const PostResourceDocument = graphql(`
  mutation PostResource($networkId: ID!, $input: ResourceInput!) {
    postResource(networkId: $networkId, input: $input) {
      id
      version
    }
  }
`);

const EditResourceDocument = graphql(`
  mutation EditResource($resourceId: ID!, $input: EditResourceInput!) {
    editResource(resourceId: $resourceId, input: $input) {
      id
      version
    }
  }
`);

const AdaptResourceDocument = graphql(`
  mutation AdaptResource($resourceId: ID!, $input: AdaptResourceInput) {
    adaptResource(resourceId: $resourceId, input: $input) {
      id
      version
    }
  }
`);

const FIELDS = ['kind', 'title', 'summary', 'body', 'tags', 'audiences', 'siteId', 'license', 'changeNote'] as const;
type Field = (typeof FIELDS)[number];

/** State a page passes on after saving: a message to announce, and files that could not be attached. */
export interface AfterSave {
  flash?: string;
  uploadProblems?: FileProblem[];
}

export type ResourceFormProps =
  | { mode: 'post'; initial: ResourceFormValues }
  | {
      mode: 'edit';
      initial: ResourceFormValues;
      resourceId: string;
      version: number;
      attachments: readonly AttachmentItem[];
      uploadProblems?: readonly FileProblem[];
      onUploaded: () => void;
    }
  | { mode: 'adapt'; initial: ResourceFormValues; source: ResourceContent & { id: string; attachmentCount: number } };

/**
 * Posting, editing and adapting a resource: one form. Checked with the shared schema before
 * sending; the server's field-named errors land next to their fields. Files are sent once the
 * resource exists (a new one: right after it is saved; an existing one: as they are chosen).
 */
export function ResourceForm(props: ResourceFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { network, actor } = useNetwork();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [values, setValues] = useState(props.initial);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  // An adaptation saved by an earlier try whose second step failed: further tries edit it.
  const [created, setCreated] = useState<{ id: string; version: number } | null>(null);
  const [{ data: tagData }] = useQuery({ query: NetworkTagsDocument, variables: { networkId: network.id } });
  const [, post] = useMutation(PostResourceDocument);
  const [, edit] = useMutation(EditResourceDocument);
  const [, adapt] = useMutation(AdaptResourceDocument);
  const commons = `/n/${network.slug}/commons`;

  const set = <K extends keyof ResourceFormValues>(key: K, value: ResourceFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const allowedSites = network.sites.filter(
    (site) => can(actor, 'resource.post', { siteId: site.id }) || site.id === props.initial.siteId,
  );
  const siteOptions = [
    ...(can(actor, 'resource.post', { siteId: null }) || props.initial.siteId === ''
      ? [{ value: '', label: t('commons.form.noSite') }]
      : []),
    ...allowedSites.map((site) => ({ value: site.id, label: site.name })),
  ];
  const license = licenseInfo(values.license);

  function fail(next: FormErrors<Field>) {
    form.show(next);
    setBusy(null);
  }

  /** Sends the chosen files to a saved resource; returns those that could not be attached. */
  async function uploadAll(resourceId: string): Promise<FileProblem[]> {
    const problems: FileProblem[] = [];
    for (const [index, file] of files.entries()) {
      setBusy(t('commons.form.uploading', { index: index + 1, count: files.length, name: file.name }));
      const result = await uploadAttachment(resourceId, file);
      if (!result.ok) problems.push({ filename: file.name, message: describeUploadError(result.error, t) });
    }
    return problems;
  }

  async function finish(resourceId: string, flash: string) {
    const problems = await uploadAll(resourceId);
    if (problems.length) {
      void navigate(`${commons}/${resourceId}/edit`, {
        state: { flash: t('commons.form.savedButFiles'), uploadProblems: problems } satisfies AfterSave,
      });
    } else {
      void navigate(`${commons}/${resourceId}`, { state: { flash } satisfies AfterSave });
    }
  }

  async function submit() {
    const input = toResourceInput(values);
    setBusy(t('commons.form.saving'));

    if (props.mode === 'post') {
      const invalid = form.validate(resourceInputSchema, input);
      if (invalid) return fail(invalid);
      const result = await post({ networkId: network.id, input });
      if (result.error || !result.data) return fail(toFormErrors(result.error, FIELDS, t));
      return finish(result.data.postResource.id, t('commons.form.posted'));
    }

    if (props.mode === 'edit') {
      const editInput = { ...input, expectedVersion: props.version, changeNote: values.changeNote };
      const invalid = form.validate(resourceEditSchema, editInput);
      if (invalid) return fail(invalid);
      const result = await edit({ resourceId: props.resourceId, input: editInput });
      if (result.error || !result.data) return fail(toFormErrors(result.error, FIELDS, t));
      setBusy(null);
      void navigate(`${commons}/${props.resourceId}`, {
        state: { flash: t('commons.form.saved', { version: result.data.editResource.version }) } satisfies AfterSave,
      });
      return;
    }

    // Adapt: the copy for the member's site first, then a version with whatever else she changed.
    const invalid = form.validate(resourceEditSchema, { ...input, expectedVersion: 1, changeNote: values.changeNote });
    if (invalid) return fail(invalid);
    let target = created;
    if (!target) {
      const result = await adapt({ resourceId: props.source.id, input: { siteId: input.siteId, title: input.title } });
      if (result.error || !result.data) return fail(toFormErrors(result.error, FIELDS, t));
      target = result.data.adaptResource;
      setCreated(target);
    }
    if (target.version > 1 || changesBeyondAdaptation(values, props.source)) {
      const result = await edit({
        resourceId: target.id,
        input: {
          ...input,
          expectedVersion: target.version,
          changeNote: values.changeNote || t('commons.form.adaptedNote'),
        },
      });
      if (result.error || !result.data) {
        const next = toFormErrors(result.error, FIELDS, t);
        return fail({ ...next, form: [t('commons.form.adaptedButNotSaved'), ...next.form] });
      }
      target = result.data.editResource;
      setCreated(target);
    }
    return finish(target.id, t('commons.form.adapted'));
  }

  const cancelTo =
    props.mode === 'post' ? commons : `${commons}/${props.mode === 'edit' ? props.resourceId : props.source.id}`;
  return (
    <form {...form.formProps(submit)} className="resource-form" aria-busy={busy !== null}>
      <FormAlert messages={errors.form} />
      <SelectField
        label={t('commons.form.kind')}
        value={values.kind}
        onChange={(e) => set('kind', e.target.value as ResourceKind)}
        options={RESOURCE_KINDS.map((kind) => ({ value: kind, label: t(`commons.kind.${kind}`) }))}
        hint={t(`commons.kindHint.${values.kind}`)}
        error={errors.fields.kind}
      />
      <TextField
        label={t('commons.form.title')}
        value={values.title}
        onChange={(e) => set('title', e.target.value)}
        error={errors.fields.title}
        limit={RESOURCE_LIMITS.titleMax}
        required
        autoComplete="off"
      />
      <TextAreaField
        label={t('commons.form.summary')}
        hint={t('commons.form.summaryHint', { count: RESOURCE_LIMITS.summaryMax })}
        value={values.summary}
        onChange={(e) => set('summary', e.target.value)}
        error={errors.fields.summary}
        limit={RESOURCE_LIMITS.summaryMax}
        rows={3}
      />
      <MarkdownField value={values.body} onChange={(body) => set('body', body)} error={errors.fields.body} />
      <TagPicker
        label={t('commons.form.tags')}
        hint={t('commons.form.tagsHint', { count: RESOURCE_LIMITS.tagsMax })}
        values={values.tags}
        onChange={(tags) => set('tags', tags)}
        schema={tagSchema}
        max={RESOURCE_LIMITS.tagsMax}
        maxLength={RESOURCE_LIMITS.tagMax + 5}
        curated={tagData?.networkTags ?? []}
        error={errors.fields.tags}
        texts={{
          add: t('commons.form.addTag'),
          chosen: t('commons.form.chosenTags'),
          remove: (tag) => t('commons.form.removeTag', { tag }),
          added: (tag) => t('commons.form.tagAdded', { tag }),
          removed: (tag) => t('commons.form.tagRemoved', { tag }),
          freeTag: t('commons.form.freeTag'),
          curatedCaption: t('commons.form.curatedTags'),
        }}
      />
      <fieldset
        className="field audience-choice"
        aria-describedby={errors.fields.audiences ? 'audiences-error' : undefined}
      >
        <legend className="field__label">{t('commons.form.audiences')}</legend>
        <p className="field__hint">{t('commons.form.audiencesHint')}</p>
        <ul className="audience-choice__list">
          {ROLES.map((role) => (
            <li key={role} className="field--checkbox">
              <input
                type="checkbox"
                id={`audience-${role}`}
                checked={values.audiences.includes(role)}
                onChange={(e) =>
                  set(
                    'audiences',
                    e.target.checked ? [...values.audiences, role] : values.audiences.filter((r: Role) => r !== role),
                  )
                }
              />
              <label htmlFor={`audience-${role}`}>{t(`roles.${role}`)}</label>
            </li>
          ))}
        </ul>
        {errors.fields.audiences && (
          <p id="audiences-error" className="field__error">
            {errors.fields.audiences}
          </p>
        )}
      </fieldset>
      <div className="form-row">
        <SelectField
          label={t('commons.form.site')}
          hint={props.mode === 'adapt' ? t('commons.form.siteHintAdapt') : t('commons.form.siteHint')}
          value={values.siteId}
          onChange={(e) => set('siteId', e.target.value)}
          options={siteOptions}
          error={errors.fields.siteId}
        />
        <SelectField
          label={t('commons.form.license')}
          value={values.license}
          onChange={(e) => set('license', e.target.value)}
          options={RESOURCE_LICENSES.map((id) => ({ value: id, label: t(`commons.license.${licenseInfo(id)!.key}`) }))}
          hint={license ? t(`commons.licenseMeaning.${license.key}`) : undefined}
          error={errors.fields.license}
        />
      </div>
      {props.mode !== 'post' && (
        <TextField
          label={props.mode === 'adapt' ? t('commons.form.adaptNote') : t('commons.form.changeNote')}
          hint={t('commons.form.changeNoteHint')}
          value={values.changeNote}
          onChange={(e) => set('changeNote', e.target.value)}
          error={errors.fields.changeNote}
          limit={RESOURCE_LIMITS.changeNoteMax}
          autoComplete="off"
        />
      )}
      {props.mode === 'edit' ? (
        <LiveAttachments
          resourceId={props.resourceId}
          attachments={props.attachments}
          initialProblems={props.uploadProblems}
          onUploaded={props.onUploaded}
        />
      ) : (
        <>
          {props.mode === 'adapt' && props.source.attachmentCount > 0 && (
            <p className="muted small">{t('commons.form.filesCarried', { count: props.source.attachmentCount })}</p>
          )}
          <PendingAttachments
            files={files}
            onChange={setFiles}
            carried={props.mode === 'adapt' ? props.source.attachmentCount : 0}
          />
        </>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy !== null}>
          {props.mode === 'post'
            ? t('commons.form.post')
            : props.mode === 'edit'
              ? t('commons.form.save')
              : t('commons.form.adapt')}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {t('common.cancel')}
        </Link>
        <span role="status" className="muted">
          {busy}
        </span>
      </div>
    </form>
  );
}
