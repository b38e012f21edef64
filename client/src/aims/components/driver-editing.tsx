import { fieldIssue } from '@commons/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { describeError, NO_ERRORS } from '../../graphql/errors';
import { TextField } from '../../ui/field';
import { useForm } from '../../ui/use-form';
import type { DriverNode } from '../drivers';

const CreateDriverDocument = graphql(`
  mutation CreateDriver($networkId: ID!, $input: DriverInput!) {
    createDriver(networkId: $networkId, input: $input) {
      id
      kind
      parentId
      position
      title
      description
    }
  }
`);

const UpdateDriverDocument = graphql(`
  mutation UpdateDriver($driverId: ID!, $input: DriverInput!) {
    updateDriver(driverId: $driverId, input: $input) {
      id
      title
      description
      position
    }
  }
`);

const DeleteDriverDocument = graphql(`
  mutation DeleteDriver($driverId: ID!) {
    deleteDriver(driverId: $driverId)
  }
`);

const FIELDS = ['title'] as const;

/** A driver needs a title; what else goes wrong is said on the title box too, as these forms have no room above. */
function useDriverForm() {
  const form = useForm(FIELDS);
  const check = (title: string) => (title.trim() ? null : form.fromIssues([fieldIssue('title', 'required')]));
  return { ...form, check, titleError: form.errors.fields.title ?? form.errors.form[0] };
}

/** What the diagram is told after a change, to refresh and announce it. */
export type DriverChange = (message: string) => void;

/** A small inline form that adds a primary driver (no parent) or a secondary driver under `parent`. */
export function AddDriverForm({
  networkId,
  parent,
  position,
  onChanged,
}: {
  networkId: string;
  parent: DriverNode | null;
  position: number;
  onChanged: DriverChange;
}) {
  const { t } = useTranslation();
  const form = useDriverForm();
  const [title, setTitle] = useState('');
  const [{ fetching }, create] = useMutation(CreateDriverDocument);
  const inputRef = useRef<HTMLInputElement>(null);
  // After each driver added, the title box takes focus again for the next one.
  const [added, setAdded] = useState(0);
  useEffect(() => {
    if (added) inputRef.current?.focus();
  }, [added]);

  async function submit() {
    const result = await form.submit({
      check: () => form.check(title),
      send: () => create({ networkId, input: { title, description: '', parentId: parent?.id ?? null, position } }),
    });
    if (!result) return;
    setTitle('');
    onChanged(t('drivers.added', { title: result.data?.createDriver.title ?? title }));
    setAdded((count) => count + 1);
  }

  return (
    <form {...form.formProps(submit)} className="kdd__add">
      <TextField
        ref={inputRef}
        label={parent ? t('drivers.newSecondary', { parent: parent.title }) : t('drivers.newPrimary')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={form.titleError}
        className="field--compact"
      />
      <button type="submit" className="button button--secondary button--small" disabled={fetching}>
        {parent ? t('drivers.addSecondary') : t('drivers.addPrimary')}
      </button>
    </form>
  );
}

/** Rename and delete controls of one driver box (admins, in edit mode). */
export function DriverControls({
  driver,
  childCount,
  onChanged,
}: {
  driver: DriverNode;
  childCount: number;
  onChanged: DriverChange;
}) {
  const { t } = useTranslation();
  // 'closed' is 'idle' after renaming or deleting was left: focus returns to the rename button.
  const [mode, setMode] = useState<'idle' | 'closed' | 'rename' | 'confirm'>('idle');
  const [title, setTitle] = useState(driver.title);
  const [description, setDescription] = useState(driver.description);
  const form = useDriverForm();
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [updateState, update] = useMutation(UpdateDriverDocument);
  const [deleteState, remove] = useMutation(DeleteDriverDocument);
  const renameRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const descriptionId = useId();

  useEffect(() => {
    if (mode === 'rename') titleRef.current?.focus();
    if (mode === 'closed') renameRef.current?.focus();
  }, [mode]);

  const close = () => {
    setMode('closed');
    form.setErrors(NO_ERRORS);
    setDeleteError(null);
  };

  async function rename() {
    const result = await form.submit({
      check: () => form.check(title),
      send: () => update({ driverId: driver.id, input: { title, description } }),
    });
    if (!result) return;
    close();
    onChanged(t('drivers.renamed', { title }));
  }

  async function confirmDelete() {
    const result = await remove({ driverId: driver.id });
    if (result.error) {
      setDeleteError(describeError(result.error, t));
      return;
    }
    onChanged(t('drivers.deleted', { title: driver.title }));
  }

  if (mode === 'rename') {
    return (
      <form {...form.formProps(rename)} className="kdd__edit">
        <TextField
          ref={titleRef}
          label={t('drivers.nameField')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={form.titleError}
          className="field--compact"
        />
        <div className="field field--compact">
          <label htmlFor={descriptionId} className="field__label">
            {t('drivers.descriptionField')}
          </label>
          <textarea
            id={descriptionId}
            className="field__control"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--small" disabled={updateState.fetching}>
            {t('drivers.save')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    );
  }

  if (mode === 'confirm') {
    return (
      <div role="group" aria-label={t('drivers.confirmLabel')} className="kdd__confirm">
        <p>
          {childCount > 0
            ? t('drivers.confirmWithChildren', { title: driver.title, count: childCount })
            : t('drivers.confirm', { title: driver.title })}
        </p>
        {deleteError && <p className="field__error">{deleteError}</p>}
        <div className="button-row">
          <button
            type="button"
            className="button button--danger button--small"
            onClick={() => void confirmDelete()}
            disabled={deleteState.fetching}
          >
            {t('drivers.confirmYes')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="kdd__controls">
      <button
        ref={renameRef}
        type="button"
        className="link-button"
        onClick={() => setMode('rename')}
        aria-label={t('drivers.renameOf', { title: driver.title })}
      >
        {t('drivers.rename')}
      </button>
      <button
        type="button"
        className="link-button link-button--danger"
        onClick={() => setMode('confirm')}
        aria-label={t('drivers.deleteOf', { title: driver.title })}
      >
        {t('drivers.delete')}
      </button>
    </div>
  );
}
