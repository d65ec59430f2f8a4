import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../temporal/dev-server';
import { scenarioMarkdown, type BenchReport } from './results';
import { sideBySide, sideBySideMarkdown } from './side-by-side';

/**
 * results.md: the run, the machine, then each scenario's table; a scenario
 * measured under both configurations is one table, a column group for each.
 */
export function reportMarkdown(report: BenchReport): string {
  const m = report.machine;
  const servers = [`dev server ${m.temporalServer} (CLI ${m.temporalCli})`, ...(m.clusterServer ? [`cluster ${m.clusterServer}`] : [])];
  const paired = sideBySide(report.scenarios);
  const sections: string[] = [];
  const shown = new Set<string>();
  for (const scenario of report.scenarios) {
    const table = paired.find((candidate) => candidate.name === scenario.name);
    if (!table) sections.push(scenarioMarkdown(scenario));
    else if (!shown.has(table.name)) {
      shown.add(table.name);
      sections.push(sideBySideMarkdown(table));
    }
  }
  const lines = [
    `# Benchmark ${report.run.id}${report.run.label ? ` — ${report.run.label}` : ''}`,
    '',
    `${report.run.startedAt} · ${Math.round(report.run.durationS)} s · commit ${m.gitCommit}${m.gitDirty ? ' (with uncommitted changes)' : ''}`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; Temporal ${servers.join(', ')}, TypeScript SDK ${m.temporalSdk}; ${m.postgres}. ` +
      `Load average at start ${m.loadAverageStart}, at end ${m.loadAverageEnd} (other work on the machine shows here).`,
    '',
    ...sections,
  ];
  return lines.join('\n');
}

/** Writes results.json and results.md under <outDir>/<run>/ and as <outDir>/latest.*; returns the run's two files. */
export function writeReport(outDir: string, report: BenchReport): string[] {
  const dir = resolve(repoRoot(), outDir);
  const runDir = join(dir, report.run.id);
  mkdirSync(runDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = `${reportMarkdown(report)}\n`;
  const files = [join(runDir, 'results.json'), join(runDir, 'results.md'), join(dir, 'latest.json'), join(dir, 'latest.md')];
  files.forEach((file) => writeFileSync(file, file.endsWith('.json') ? json : markdown));
  return files.slice(0, 2);
}
