import type { ScenarioResult } from './results';
import { sideBySide, sideBySideMarkdown, sideBySideText } from './side-by-side';

function launch(config: 'dev' | 'cluster', rate: number, extra: ScenarioResult['rows'] = []): ScenarioResult {
  return {
    name: 'launch',
    title: '1. Launch throughput',
    config,
    rows: [{ metric: 'launches per second', ours: rate, baseline: rate * 4, ratio: 0.25, target: 'ratio ≥ 0.85', met: false }, ...extra],
    notes: ['what is measured', `${config} note`],
    details: {},
  };
}

describe('both configurations side by side', () => {
  const queries: ScenarioResult = { name: 'queries', title: '4. Inbox', config: 'dev', rows: [], notes: [], details: {} };
  const tables = sideBySide([
    launch('dev', 20, [{ metric: 'workflow tasks per launch', ours: 4, baseline: 1, ratio: 4 }]),
    queries,
    launch('cluster', 10),
  ]);

  it('pairs a scenario measured under both, leaving the others alone', () => {
    expect(tables.map((table) => [table.name, table.configs])).toEqual([['launch', ['dev', 'cluster']]]);
  });

  it('matches rows by metric, a metric one configuration lacks being empty there', () => {
    const [table] = tables;
    expect(table.rows.map((row) => row.metric)).toEqual(['launches per second', 'workflow tasks per launch']);
    expect(table.rows[0].cells.cluster?.ours).toBe(10);
    expect(table.rows[1].cells.cluster).toBeUndefined();
    expect(table.notes).toEqual(['what is measured', 'dev server: dev note', 'cluster: cluster note']);
  });

  it('prints one column group per configuration, in the terminal and in Markdown', () => {
    const [table] = tables;
    const text = sideBySideText(table);
    expect(text).toContain('dev: ours');
    expect(text).toContain('cluster: ours');
    expect(text).toMatch(/launches per second\s+20\s+80\s+0\.25\s+NO\s+10\s+40\s+0\.25\s+NO\s+ratio ≥ 0\.85/);
    const markdown = sideBySideMarkdown(table);
    expect(markdown).toContain('| workflow tasks per launch | 4 | 1 | 4 | — | — | — | — | — | — |');
    // The header and its alignment row have as many columns as the rows.
    const columns = markdown
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) => line.split('|').length);
    expect(new Set(columns).size).toBe(1);
  });
});
