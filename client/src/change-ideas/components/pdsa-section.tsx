import type { Actor, ChangeIdeaStatus } from '@commons/shared';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdsaCycleFieldsFragment } from '../../gql/graphql';
import { Loading, StatusMessage } from '../../ui/feedback';
import { type IdeaStanding, pdsaSitesFor } from '../access';
import { PdsaCycleCard } from './pdsa-cycle-card';

// The form loads when a member starts or edits a cycle.
const PdsaCycleForm = lazy(() => import('./pdsa-cycle-form').then((module) => ({ default: module.PdsaCycleForm })));

interface PdsaSectionProps {
  ideaId: string;
  status: ChangeIdeaStatus;
  cycles: readonly PdsaCycleFieldsFragment[];
  sites: readonly { id: string; name: string }[];
  measures: readonly { id: string; name: string }[];
  networkSlug: string;
  actor: Actor;
  standing: IdeaStanding;
  onChanged: () => void;
}

/** The idea's PDSA cycles grouped by site, and the forms to start one (at the sites the member may) or update one. */
export function PdsaSection({
  ideaId,
  status,
  cycles,
  sites,
  measures,
  networkSlug,
  actor,
  standing,
  onChanged,
}: PdsaSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [form, setForm] = useState<string | null>(null); // 'new', or the id of the cycle being updated
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const writableSites = pdsaSitesFor(actor, sites, standing);
  const mayStart = status === 'TESTING' && writableSites.length > 0;
  const bySite = sites
    .map((site) => ({ site, cycles: cycles.filter((c) => c.site.id === site.id) }))
    .filter((group) => group.cycles.length > 0);

  const done = (saved: PdsaCycleFieldsFragment | null, created: boolean) => {
    setForm(null);
    if (!saved) return;
    setAnnouncement(
      created
        ? t('ideas.pdsa.created', { number: saved.number, site: saved.site.name })
        : t('ideas.pdsa.saved', { number: saved.number }),
    );
    onChanged();
  };

  return (
    <section className="panel idea-pdsa" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('ideas.pdsa.title')}</h2>
      <p className="muted">{t('ideas.pdsa.intro')}</p>
      <StatusMessage>{announcement}</StatusMessage>
      {status !== 'TESTING' && cycles.length === 0 && <p>{t('ideas.pdsa.notTesting')}</p>}
      {status === 'TESTING' && cycles.length === 0 && <p>{t('ideas.pdsa.none')}</p>}
      {mayStart &&
        (form === 'new' ? (
          <Suspense fallback={<Loading />}>
            <PdsaCycleForm
              ideaId={ideaId}
              sites={writableSites}
              measures={measures}
              onDone={(saved) => done(saved, true)}
            />
          </Suspense>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setAnnouncement(null);
              setForm('new');
            }}
          >
            {t('ideas.pdsa.start')}
          </button>
        ))}
      {bySite.map(({ site, cycles: siteCycles }) => (
        <div key={site.id} className="pdsa-site">
          <h3>{site.name}</h3>
          {siteCycles.map((cycle) =>
            form === cycle.id ? (
              <Suspense key={cycle.id} fallback={<Loading />}>
                <PdsaCycleForm
                  ideaId={ideaId}
                  sites={[]}
                  measures={measures}
                  cycle={cycle}
                  onDone={(saved) => done(saved, false)}
                  onConflict={onChanged}
                />
              </Suspense>
            ) : (
              <PdsaCycleCard
                key={cycle.id}
                cycle={cycle}
                networkSlug={networkSlug}
                onEdit={
                  cycle.viewerCanEdit
                    ? () => {
                        setAnnouncement(null);
                        setForm(cycle.id);
                      }
                    : undefined
                }
              />
            ),
          )}
        </div>
      ))}
    </section>
  );
}
