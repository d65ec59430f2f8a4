import { cell, verdict, type ResultRow, type ScenarioResult } from './results';
import type { BenchConfig } from './temporal-target';

/** One scenario measured under several configurations: a row per metric, a column group per configuration. */
export interface SideBySide {
  name: string;
  title: string;
  configs: BenchConfig[];
  rows: Array<{ metric: string; target?: string; cells: Partial<Record<BenchConfig, ResultRow>> }>;
  notes: string[];
}

export const CONFIG_LABEL: Record<BenchConfig, string> = { dev: 'dev server', cluster: 'cluster' };

/**
 * The scenarios that ran under more than one configuration, each as one table.
 * Rows are matched by metric, in the order they first appear; a metric one
 * configuration lacks shows as — there. Notes keep their configuration's name.
 */
export function sideBySide(results: readonly ScenarioResult[]): SideBySide[] {
  const byName = new Map<string, ScenarioResult[]>();
  for (const result of results) byName.set(result.name, [...(byName.get(result.name) ?? []), result]);
  const tables: SideBySide[] = [];
  for (const [name, runs] of byName) {
    if (runs.length < 2) continue;
    const configs = runs.map((run) => run.config ?? 'dev');
    const rows = new Map<string, SideBySide['rows'][number]>();
    runs.forEach((run, i) => {
      for (const row of run.rows) {
        const line = rows.get(row.metric) ?? { metric: row.metric, target: row.target, cells: {} };
        line.cells[configs[i]] = row;
        line.target ??= row.target;
        rows.set(row.metric, line);
      }
    });
    tables.push({
      name,
      title: runs[0].title,
      configs,
      rows: [...rows.values()],
      notes: [
        // A note every configuration wrote alike (what is measured, how) is said once.
        ...runs[0].notes.filter((note) => runs.every((run) => run.notes.includes(note))),
        ...runs.flatMap((run, i) => [
          ...(run.error ? [`${CONFIG_LABEL[configs[i]]}: FAILED: ${run.error}`] : []),
          ...run.notes
            .filter((note) => !runs.every((other) => other.notes.includes(note)))
            .map((note) => `${CONFIG_LABEL[configs[i]]}: ${note}`),
        ]),
      ],
    });
  }
  return tables;
}

function header(table: SideBySide): string[] {
  return [
    'metric',
    ...table.configs.flatMap((config) => ['ours', 'bare', 'ratio', 'met'].map((column) => `${config}: ${column}`)),
    'target',
  ];
}

function body(table: SideBySide): string[][] {
  return table.rows.map((row) => [
    row.metric,
    ...table.configs.flatMap((config) => {
      const c = row.cells[config];
      return c ? [cell(c.ours), cell(c.baseline), c.ratio == null ? '—' : cell(c.ratio), verdict(c.met)] : ['—', '—', '—', '—'];
    }),
    row.target ?? '—',
  ]);
}

export function sideBySideMarkdown(table: SideBySide): string {
  const head = header(table);
  const lines = [
    `### ${table.title}: ${table.configs.map((config) => CONFIG_LABEL[config]).join(' | ')}`,
    '',
    `| ${head.join(' | ')} |`,
    `|---|${head
      .slice(1, -1)
      .map((title) => (title.endsWith('met') ? ':---:' : '---:'))
      .join('|')}|---|`,
    ...body(table).map((cols) => `| ${cols.join(' | ')} |`),
    '',
    ...table.notes.map((note) => `- ${note}`),
    '',
  ];
  return lines.join('\n');
}

export function sideBySideText(table: SideBySide): string {
  const head = header(table);
  const rows = body(table);
  const widths = head.map((title, i) => Math.max(title.length, ...rows.map((cols) => cols[i].length)));
  const line = (cols: string[]) =>
    cols.map((col, i) => (i === 0 || i === cols.length - 1 ? col.padEnd(widths[i]) : col.padStart(widths[i]))).join('  ');
  return [
    `\n== ${table.title}: ${table.configs.map((config) => CONFIG_LABEL[config]).join(' | ')}`,
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    ...table.notes.map((note) => `  * ${note}`),
  ].join('\n');
}
