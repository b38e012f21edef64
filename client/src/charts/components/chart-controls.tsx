import type { ChartType, MeasureKind } from '@commons/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateIssue } from '../../graphql/errors';
import { useFormatMonth } from '../../i18n/format';
import { CheckboxField, SelectField, TextField } from '../../ui/field';
import { chartTypesFor } from '../chart-types';
import type { ChartParams } from '../hooks/use-chart-params';
import { useFollowedState } from '../hooks/use-followed-state';

interface ChartControlsProps {
  kind: MeasureKind;
  chartType: ChartType;
  defaultChart: ChartType;
  baseline: number | null;
  phases: readonly string[];
  /** I and p′ charts: moving ranges screened (the default). */
  screened?: boolean;
  /** Network months not every site has reported counted in limits, signals and funnels. */
  includeIncomplete?: boolean;
  /** Every month of the network, oldest first. */
  months: readonly string[];
  onChange: (changes: Partial<ChartParams>) => void;
}

/** Charts whose limits come from moving ranges, so screening them is a choice. */
const MOVING_RANGE_CHARTS: readonly ChartType[] = ['I', 'P_PRIME'];

/** The options of a chart type drop-down for one kind of measure, in plain words. */
export function useChartTypeOptions(kind: MeasureKind) {
  const { t } = useTranslation();
  return chartTypesFor(kind).map((value) => ({ value, label: t(`charts.type.${value}`) }));
}

/**
 * Chart settings for every chart of the page: the chart type (only those that fit the measure),
 * a frozen baseline on the first months, new phases from chosen months, screened moving ranges
 * (I and p′ charts) and whether network months not every site has reported count. The panel stays
 * open while the settings change; it opens when the chart is not the standard one.
 */
export function ChartControls({
  kind,
  chartType,
  defaultChart,
  baseline,
  phases,
  screened = true,
  includeIncomplete = false,
  months,
  onChange,
}: ChartControlsProps) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth('long');
  const typeOptions = useChartTypeOptions(kind);
  const [baselineText, setBaselineText] = useState(baseline ? String(baseline) : '');
  const [baselineError, setBaselineError] = useState<string | null>(null);
  const phaseCandidates = months.slice(1).filter((month) => !phases.includes(month));
  const [phaseMonth, setPhaseMonth] = useState(phaseCandidates[Math.floor(phaseCandidates.length / 2)] ?? '');
  const customised =
    chartType !== defaultChart || baseline !== null || phases.length > 0 || !screened || includeIncomplete;
  // Open or closed is the member's choice from then on: a new chart after a change must not close it.
  const [open, setOpen] = useState(customised);
  // A setting changed from elsewhere (a caption's "start a new phase") opens it, to show how to undo it.
  const [wasCustomised, setWasCustomised] = useState(customised);
  if (customised !== wasCustomised) {
    setWasCustomised(customised);
    if (customised) setOpen(true);
  }
  const [screenedShown, setScreenedShown] = useFollowedState(screened);
  const [includeIncompleteShown, setIncludeIncompleteShown] = useFollowedState(includeIncomplete);

  const [baselineShown, setBaselineShown] = useState(baseline);
  if (baseline !== baselineShown) {
    setBaselineShown(baseline);
    setBaselineText(baseline ? String(baseline) : '');
  }

  function applyBaseline(event: FormEvent) {
    event.preventDefault();
    const text = baselineText.trim();
    if (!text) {
      setBaselineError(null);
      onChange({ baseline: null });
      return;
    }
    const value = Number(text);
    if (!Number.isInteger(value) || value < 2 || value > months.length) {
      setBaselineError(translateIssue({ code: 'out_of_range', params: { min: 2, max: months.length } }, t));
      return;
    }
    setBaselineError(null);
    onChange({ baseline: value });
  }

  function addPhase(event: FormEvent) {
    event.preventDefault();
    if (!phaseMonth) return;
    onChange({ phases: [...phases, phaseMonth] });
    setPhaseMonth(phaseCandidates.find((month) => month !== phaseMonth) ?? '');
  }

  return (
    <details className="panel chart-controls" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('charts.controls.title')}</summary>
      <p className="muted small">{t('charts.controls.intro')}</p>
      <div className="chart-controls__grid">
        <SelectField
          label={t('charts.controls.type')}
          hint={t(`charts.typeHint.${chartType}`)}
          value={chartType}
          onChange={(e) => onChange({ chart: e.target.value === defaultChart ? null : (e.target.value as ChartType) })}
          options={typeOptions}
        />
        <form onSubmit={applyBaseline} noValidate className="inline-form">
          <TextField
            label={t('charts.controls.baseline')}
            hint={t('charts.controls.baselineHint', { count: months.length })}
            inputMode="numeric"
            value={baselineText}
            onChange={(e) => setBaselineText(e.target.value)}
            error={baselineError}
            className="field--short"
          />
          <button type="submit" className="button button--secondary">
            {t('charts.controls.applyBaseline')}
          </button>
        </form>
        <div>
          <form onSubmit={addPhase} noValidate className="inline-form">
            <SelectField
              label={t('charts.controls.phase')}
              hint={t('charts.controls.phaseHint')}
              value={phaseMonth}
              onChange={(e) => setPhaseMonth(e.target.value)}
              options={phaseCandidates.map((month) => ({ value: month, label: formatMonth(month) }))}
            />
            <button type="submit" className="button button--secondary" disabled={!phaseMonth}>
              {t('charts.controls.addPhase')}
            </button>
          </form>
          {phases.length > 0 && (
            <ul className="plain-list" aria-label={t('charts.controls.phases')}>
              {phases.map((month) => (
                <li key={month} className="phase-item">
                  {t('charts.controls.phaseFrom', { month: formatMonth(month) })}
                  <button
                    type="button"
                    className="link-button link-button--danger"
                    onClick={() => onChange({ phases: phases.filter((m) => m !== month) })}
                    aria-label={t('charts.controls.removePhaseOf', { month: formatMonth(month) })}
                  >
                    {t('charts.controls.removePhase')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="chart-controls__options">
        {MOVING_RANGE_CHARTS.includes(chartType) && (
          <CheckboxField
            label={t('charts.controls.screened')}
            hint={t('charts.controls.screenedHint')}
            checked={screenedShown}
            onChange={(e) => {
              setScreenedShown(e.target.checked);
              onChange({ screened: e.target.checked });
            }}
          />
        )}
        <CheckboxField
          label={t('charts.controls.includeIncomplete')}
          hint={t('charts.controls.includeIncompleteHint')}
          checked={includeIncompleteShown}
          onChange={(e) => {
            setIncludeIncompleteShown(e.target.checked);
            onChange({ includeIncomplete: e.target.checked });
          }}
        />
      </div>
      {customised && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            onChange({ chart: null, baseline: null, phases: [], screened: true, includeIncomplete: false })
          }
        >
          {t('charts.controls.reset')}
        </button>
      )}
    </details>
  );
}
