import type { PlanReportMeasure, PlanReportRow } from '../api/types';

/** One colour per year, distinct for colour-blind readers and dark enough on white (WCAG 3:1 for graphics). */
const YEAR_COLOURS = ['#1f5a96', '#b35900', '#2e7d32', '#7b3294', '#a4161a', '#4d4d4d'];

const LABEL_WIDTH = 400;
const BAR_HEIGHT = 22;
const GAP = 14;
const CHART_WIDTH = 480;

/**
 * A horizontal bar chart of one measure: a band per initiative, a bar per
 * year, its value written at its end. An image for the eye (`role="img"`,
 * named by its title and described by its summary); the table beside it
 * holds the same figures for screen readers and keyboards.
 */
export function PlanBarChart({
  rows,
  years,
  measure,
  title,
  summary,
  yearLabel,
}: {
  rows: PlanReportRow[];
  years: number[];
  measure: PlanReportMeasure;
  title: string;
  summary: string;
  yearLabel: (year: number) => string;
}) {
  const initiatives = [...new Map(rows.map((row) => [row.initiative, row.initiativeLabel])).entries()];
  const value = (initiative: string, year: number) => rows.find((r) => r.initiative === initiative && r.year === year)?.[measure] ?? 0;
  const max = Math.max(1, ...rows.map((row) => row[measure]));
  const band = years.length * BAR_HEIGHT + GAP;
  const legendHeight = 34;
  const height = legendHeight + initiatives.length * band + GAP;
  const width = LABEL_WIDTH + CHART_WIDTH + 40;
  return (
    <svg
      className="plan-chart"
      role="img"
      aria-labelledby="plan-chart-title plan-chart-desc"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: `${width}px` }}
    >
      <title id="plan-chart-title">{title}</title>
      <desc id="plan-chart-desc">{summary}</desc>
      {years.map((year, i) => (
        <g key={year} transform={`translate(${LABEL_WIDTH + i * 90}, 6)`}>
          <rect width="16" height="16" fill={YEAR_COLOURS[i % YEAR_COLOURS.length]} />
          <text x="22" y="13" className="chart-legend">
            {yearLabel(year)}
          </text>
        </g>
      ))}
      {initiatives.map(([initiative, label], row) => {
        const top = legendHeight + row * band;
        return (
          <g key={initiative} transform={`translate(0, ${top})`}>
            <text x={LABEL_WIDTH - 8} y={band / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
              {label.length > 50 ? `${label.slice(0, 48)}…` : label}
            </text>
            {years.map((year, i) => {
              const n = value(initiative, year);
              const length = (n / max) * CHART_WIDTH;
              return (
                <g key={year} transform={`translate(${LABEL_WIDTH}, ${i * BAR_HEIGHT})`}>
                  <rect width={Math.max(length, 1)} height={BAR_HEIGHT - 3} fill={YEAR_COLOURS[i % YEAR_COLOURS.length]} />
                  <text x={Math.max(length, 1) + 4} y={(BAR_HEIGHT - 3) / 2} dominantBaseline="middle" className="chart-value">
                    {n}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={legendHeight - 4} y2={height - GAP / 2} className="chart-axis" />
    </svg>
  );
}
