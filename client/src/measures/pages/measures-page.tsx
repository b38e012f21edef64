import { can } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useNetwork } from '../../networks/network-context';
import { Card } from '../../ui/card';
import { Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { MeasureCard } from '../components/measure-card';
import { MeasureForm } from '../components/measure-form';
import '../measures.css';

graphql(`
  fragment MeasureDefinition on Measure {
    id
    key
    name
    definition
    numeratorDefinition
    denominatorDefinition
    inclusions
    exclusions
    kind
    direction
    unit
    target
    defaultChart
    position
  }
`);

const MeasuresDocument = graphql(`
  query Measures($networkId: ID!) {
    measures(networkId: $networkId) {
      ...MeasureDefinition
    }
  }
`);

const MEASURE_CONTEXT = { additionalTypenames: ['Measure'] };

/** The measures every site reports, with their definitions in plain words; admins define and edit them. */
export function MeasuresPage() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MeasuresDocument,
    variables: { networkId: network.id },
    context: MEASURE_CONTEXT,
  });
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const mayDefine = can(actor, 'measure.define');
  const exportHref = `/files/measures.csv?networkId=${encodeURIComponent(network.id)}`;

  return (
    <>
      <PageHeading>{t('measures.title')}</PageHeading>
      <p className="lead">{t('measures.intro')}</p>
      <p className="button-row">
        <a href={exportHref} download className="button button--secondary">
          {t('measures.export')}
        </a>
        <span className="muted small">{t('measures.exportHint')}</span>
      </p>
      <StatusMessage>{saved ? t('measures.saved', { name: saved }) : null}</StatusMessage>
      {!data && fetching && <Loading />}
      {error && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {data && data.measures.length === 0 && <p>{t('measures.none')}</p>}
      {data && (
        <div className="measure-grid">
          {data.measures.map((measure) => (
            <MeasureCard
              key={measure.id}
              measure={measure}
              networkId={network.id}
              networkSlug={network.slug}
              editable={mayDefine}
              onSaved={setSaved}
            />
          ))}
        </div>
      )}
      {mayDefine &&
        (adding ? (
          <Card title={t('measures.form.newTitle')}>
            <MeasureForm
              networkId={network.id}
              onDone={(created) => {
                setAdding(false);
                if (created) setSaved(created.name);
              }}
            />
          </Card>
        ) : (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('measures.add')}
          </button>
        ))}
    </>
  );
}
