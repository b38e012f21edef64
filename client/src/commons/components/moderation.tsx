import { hideReasonSchema, RESOURCE_LIMITS } from '@commons/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { firstIssueOf, toFormErrors } from '../../graphql/errors';
import { useFormatDate } from '../../i18n/format';
import { FormAlert } from '../../ui/feedback';
import { TextAreaField } from '../../ui/field';
import { useForm } from '../../ui/use-form';

const HideResourceDocument = graphql(`
  mutation HideResource($resourceId: ID!, $reason: String!) {
    hideResource(resourceId: $resourceId, reason: $reason) {
      id
      hidden
      hiddenAt
      hiddenReason
    }
  }
`);

const UnhideResourceDocument = graphql(`
  mutation UnhideResource($resourceId: ID!) {
    unhideResource(resourceId: $resourceId) {
      id
      hidden
      hiddenAt
      hiddenReason
    }
  }
`);

interface HiddenBannerProps {
  resourceId: string;
  hiddenAt: string | null;
  reason: string | null;
  /** Network admins may show it again. */
  canShow: boolean;
  onChanged: (message: string) => void;
}

/** Tells whoever still sees a hidden resource (admins, its author) that it is hidden, and why. */
export function HiddenBanner({ resourceId, hiddenAt, reason, canShow, onChanged }: HiddenBannerProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [state, unhide] = useMutation(UnhideResourceDocument);
  return (
    <div className="notice notice--error hidden-banner">
      <p className="notice__title">
        {hiddenAt ? t('commons.moderation.hiddenOn', { date: formatDate(hiddenAt) }) : t('commons.moderation.hidden')}
      </p>
      {reason && <p>{t('commons.moderation.reasonIs', { reason })}</p>}
      <p>{t('commons.moderation.whoSees')}</p>
      {canShow && (
        <button
          type="button"
          className="button button--secondary"
          disabled={state.fetching}
          onClick={() =>
            void unhide({ resourceId }).then((result) => {
              if (!result.error) onChanged(t('commons.moderation.shown'));
            })
          }
        >
          {t('commons.moderation.show')}
        </button>
      )}
      {state.error && <FormAlert messages={toFormErrors(state.error, [], t).form} />}
    </div>
  );
}

/** Network admins: hide a resource from the commons, saying why. Nothing is deleted. */
export function HideForm({ resourceId, onChanged }: { resourceId: string; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useForm(['reason'] as const);
  const { errors } = form;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [state, hide] = useMutation(HideResourceDocument);

  async function submit() {
    const parsed = hideReasonSchema.safeParse(reason);
    const result = await form.submit({
      check: () =>
        parsed.success
          ? null
          : { fields: { reason: firstIssueOf(hideReasonSchema, reason, t) ?? undefined }, form: [] },
      send: () => hide({ resourceId, reason: parsed.data ?? '' }),
    });
    if (!result) return;
    setOpen(false);
    setReason('');
    onChanged(t('commons.moderation.hiddenNow'));
  }

  return (
    <section className="resource-section moderation" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commons.moderation.title')}</h2>
      <p className="muted">{t('commons.moderation.intro')}</p>
      {open ? (
        <form {...form.formProps(submit)} className="panel">
          <FormAlert messages={errors.form} />
          <TextAreaField
            label={t('commons.moderation.reason')}
            hint={t('commons.moderation.reasonHint')}
            value={reason}
            limit={RESOURCE_LIMITS.hideReasonMax}
            onChange={(e) => setReason(e.target.value)}
            error={errors.fields.reason}
            rows={3}
            required
          />
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={state.fetching}>
              {t('commons.moderation.hide')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--danger-outline" onClick={() => setOpen(true)}>
          {t('commons.moderation.hideOpen')}
        </button>
      )}
    </section>
  );
}
