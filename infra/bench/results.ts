import type { MachineFacts } from './machine';
import type { BenchConfig } from './temporal-target';

/** One line of a scenario's table: our figure, the bare-Temporal figure beside it, and the target. */
export interface ResultRow {
  metric: string;
  ours: number | string | null;
  baseline?: number | string | null;
  /** ours ÷ bare: for a rate, the share of bare Temporal we keep; for a latency, how many times longer we take. */
  ratio?: number | null;
  target?: string;
  /** Whether the target is met; null when it has no target or could not be measured. */
  met?: boolean | null;
}

export interface ScenarioResult {
  name: string;
  title: string;
  /** The Temporal it ran against; titles name the cluster, the dev server being the default. */
  config?: BenchConfig;
  rows: ResultRow[];
  notes: string[];
  /** Query plans (EXPLAIN ANALYZE), printed under the table. */
  plans?: Array<{ name: string; sql: string; plan: string }>;
  /** Raw figures (latency summaries, CPU seconds, counts) for whoever reads the JSON. */
  details: Record<string, unknown>;
  error?: string;
  durationS?: number;
}

export interface BenchReport {
  run: { id: string; label?: string; startedAt: string; finishedAt: string; durationS: number; options: unknown };
  machine: MachineFacts;
  scenarios: ScenarioResult[];
}

/** A number for a table cell: thousands kept readable, small values with decimals. */
export function cell(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function verdict(met: boolean | null | undefined): string {
  return met === true ? 'yes' : met === false ? 'NO' : '—';
}

export function scenarioMarkdown(result: ScenarioResult): string {
  const lines = [`### ${titleOf(result)}`, ''];
  if (result.error) lines.push(`**Failed:** ${result.error}`, '');
  if (result.rows.length > 0) {
    lines.push('| metric | ours | bare Temporal | ratio | target | met |', '|---|---:|---:|---:|---|:---:|');
    for (const row of result.rows) {
      lines.push(
        `| ${row.metric} | ${cell(row.ours)} | ${cell(row.baseline)} | ${row.ratio == null ? '—' : cell(row.ratio)} | ${row.target ?? '—'} | ${verdict(row.met)} |`,
      );
    }
    lines.push('');
  }
  for (const note of result.notes) lines.push(`- ${note}`);
  if (result.notes.length > 0) lines.push('');
  for (const plan of result.plans ?? []) {
    lines.push(
      `<details><summary>Plan: ${plan.name}</summary>`,
      '',
      '```sql',
      plan.sql.trim(),
      '```',
      '',
      '```',
      plan.plan,
      '```',
      '</details>',
      '',
    );
  }
  return lines.join('\n');
}

/** The scenario's title, naming the cluster when it ran there. */
export function titleOf(result: ScenarioResult): string {
  return result.config === 'cluster' ? `${result.title} — cluster` : result.title;
}

/** The same tables for a terminal. */
export function scenarioText(result: ScenarioResult): string {
  const header = ['metric', 'ours', 'bare Temporal', 'ratio', 'target', 'met'];
  const body = result.rows.map((row) => [
    row.metric,
    cell(row.ours),
    cell(row.baseline),
    row.ratio == null ? '—' : cell(row.ratio),
    row.target ?? '—',
    verdict(row.met),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cols) => cols[i].length)));
  const line = (cols: string[]) => cols.map((col, i) => (i === 0 || i === 4 ? col.padEnd(widths[i]) : col.padStart(widths[i]))).join('  ');
  const out = [`\n== ${titleOf(result)}${result.durationS ? ` (${Math.round(result.durationS)} s)` : ''}`];
  if (result.error) out.push(`FAILED: ${result.error}`);
  if (body.length > 0) out.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line));
  out.push(...result.notes.map((note) => `  * ${note}`));
  for (const plan of result.plans ?? []) out.push(`  -- plan: ${plan.name}`, ...plan.plan.split('\n').map((l) => `     ${l}`));
  return out.join('\n');
}
