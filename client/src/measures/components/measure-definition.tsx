import type { MeasureKind } from '@commons/shared';
import { useTranslation } from 'react-i18next';

export interface DefinitionParts {
  kind: MeasureKind;
  numeratorDefinition: string;
  denominatorDefinition: string;
  inclusions: string;
  exclusions: string;
}

/** The operational definition of a measure in plain words: what is counted, out of whom, who is in and who is out. */
export function MeasureDefinitionList({ measure }: { measure: DefinitionParts }) {
  const { t } = useTranslation();
  const rows = [
    measure.kind !== 'COUNT' && measure.numeratorDefinition
      ? [t(`measures.definition.numerator.${measure.kind}`), measure.numeratorDefinition]
      : null,
    measure.kind !== 'COUNT' && measure.denominatorDefinition
      ? [t(`measures.definition.denominator.${measure.kind}`), measure.denominatorDefinition]
      : null,
    measure.inclusions ? [t('measures.definition.inclusions'), measure.inclusions] : null,
    measure.exclusions ? [t('measures.definition.exclusions'), measure.exclusions] : null,
  ].filter((row): row is [string, string] => row !== null);
  if (rows.length === 0) return null;
  return (
    <dl className="definition">
      {rows.map(([term, text]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
