/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ParticipationEntity, TaskEntity } from '../../libs/persistence/src';
import { launchChromium, screenshotPath } from '../helpers/browser';
import { auditInBothLanguages, setLanguage, signIn, tabTo, type AxeFinding } from '../helpers/console-page';
import { startTestStack, type TestStack } from '../helpers/test-stack';

jest.setTimeout(300_000);

/*
 * The console's report page and reference pickers, in a real browser: a
 * supervisor picks a range and a measure with the keyboard and reads the
 * chart and the tables; a coordinator's launch form offers the forums of the
 * reference list. Every page is audited with axe and photographed in French
 * and English. The report's participations are seeded in 2001 and 2002,
 * years no other test file launches in, so the figures are known.
 */
describe('the console: the plan’s report and the reference pickers', () => {
  let stack: TestStack;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const findings: AxeFinding[] = [];

  beforeAll(async () => {
    stack = await startTestStack({}, { worker: false, listen: true });
    await seed(stack);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const personPage = async (personId: string, path: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, stack.baseUrl!, personId, path);
    return page;
  };

  it('shows a supervisor the plan’s figures as bar charts and tables, for a range chosen with the keyboard', async () => {
    const page = await personPage('sup-gagnon', '/console/report');
    await page.getByRole('link', { name: 'Rapport du plan' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Rapport du plan' }).waitFor();

    await tabTo(page, '#report-from');
    await page.fill('#report-from', '2001-01-01');
    await tabTo(page, '#report-to');
    await page.fill('#report-to', '2002-12-31');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Chiffres de 2002' }).waitFor();

    const cells = async (year: number, initiative: RegExp) =>
      page
        .locator(`section:has(h2#report-year-${year}) tr`, { has: page.locator('th', { hasText: initiative }) })
        .locator('td')
        .allTextContents();
    // launched, open, concluded, tasks delivered, interns, experts, ratifications, agreements, missions
    expect(await cells(2001, /négociations commerciales/)).toEqual(['3', '2', '1', '2', '0', '0', '0', '0', '0']);
    expect(await cells(2002, /négociations commerciales/)).toEqual(['0', '0', '1', '1', '0', '0', '0', '0', '0']);

    // The chart follows the measure picked from the list, by keyboard.
    const chart = page.getByRole('img', { name: /Participations lancées, par initiative et par année/ });
    await chart.waitFor();
    await tabTo(page, '#report-measure');
    await page.selectOption('#report-measure', 'tasksDelivered');
    await page.getByRole('img', { name: /Tâches remises, par initiative et par année/ }).waitFor();
    expect(await page.locator('svg.plan-chart rect').count()).toBeGreaterThan(10);
    findings.push(...(await auditInBothLanguages(page, 'plan-report')));
    // The part a supervisor looks at first, at screen size, for people to look at (once the figures are asked again in French).
    await page.getByRole('img', { name: /Tâches remises, par initiative et par année/ }).waitFor();
    await page.locator('.key-figures', { hasText: 'Participations lancées' }).waitFor();
    await page.screenshot({ path: screenshotPath('console', 'plan-report-top.fr') });
    await setLanguage(page, 'en');
    await page.getByRole('img', { name: /Tasks delivered, per initiative and per year/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Figures for 2002' }).waitFor();
    await page.screenshot({ path: screenshotPath('console', 'plan-report-top.en') });
    await setLanguage(page, 'fr');

    // A range that ends before it starts: the field says why, in the reader's language.
    await page.fill('#report-from', '2002-06-01');
    await page.fill('#report-to', '2002-01-01');
    await page.press('#report-to', 'Enter');
    await page.locator('#report-to-error').waitFor();
    expect(await page.locator('#report-to-error').textContent()).toContain('ne doit pas précéder la date de début');
    findings.push(...(await auditInBothLanguages(page, 'plan-report-error')));
    expect(findings).toEqual([]);
  });

  it('offers the forums of the reference list on the launch form, by name in the reader’s language', async () => {
    const page = await personPage('coord-lavoie', '/console/participations/new/wto-round');
    const forum = page.locator('#f-forum');
    await forum.waitFor();
    const listId = await forum.getAttribute('list');
    expect(listId).toBeTruthy();
    await page.locator(`datalist[id="${listId}"] option[value="wto"]`).waitFor({ state: 'attached' });
    expect(await page.locator(`datalist[id="${listId}"] option[value="world-bank"]`).textContent()).toBe('Banque mondiale');
    await tabTo(page, '#f-forum');
    await page.keyboard.type('wto');
    expect(await forum.inputValue()).toBe('wto');
    findings.push(...(await auditInBothLanguages(page, 'launch-reference-picker')));
    expect(findings).toEqual([]);
  });
});

/**
 * Trade negotiations: three launched in 2001, one concluded that year, the
 * two others closed in 2002 (one concluded); tasks delivered: 2 in 2001, 1 in
 * 2002. All closed before 2003, so the report test's years (2003, 2004) do not see them.
 */
async function seed(stack: TestStack): Promise<void> {
  const forum = `console-report-${randomUUID().slice(0, 6)}`;
  await stack.addForums([forum]);
  const rows: Array<{ kind: string; launchedAt: string; closedAt: string; outcome: string; delivered: string[] }> = [
    {
      kind: 'wto-round',
      launchedAt: '2001-02-01T10:00:00Z',
      closedAt: '2001-11-01T10:00:00Z',
      outcome: 'concluded',
      delivered: ['2001-03-01T00:00:00Z'],
    },
    {
      kind: 'wto-round',
      launchedAt: '2001-04-01T10:00:00Z',
      closedAt: '2002-03-01T10:00:00Z',
      outcome: 'withdrawn',
      delivered: ['2001-05-01T00:00:00Z', '2002-02-01T00:00:00Z'],
    },
    {
      kind: 'canada-eu-negotiation',
      launchedAt: '2001-06-01T10:00:00Z',
      closedAt: '2002-09-01T10:00:00Z',
      outcome: 'concluded',
      delivered: [],
    },
  ];
  for (const [i, row] of rows.entries()) {
    const id = randomUUID();
    const workflowId = `${row.kind}/console-report-${i}-${id.slice(0, 8)}`;
    await stack.dataSource.getRepository(ParticipationEntity).insert({
      id,
      workflowId,
      kind: row.kind,
      businessKey: workflowId.split('/')[1],
      title: `Rapport ${i}`,
      forum,
      coordinatorId: 'console-report-coord',
      locale: 'fr',
      phase: 'closed',
      status: 'completed',
      outcome: row.outcome,
      launchedAt: new Date(row.launchedAt),
      updatedAt: new Date(row.launchedAt),
      phaseEnteredAt: new Date(row.launchedAt),
      closedAt: new Date(row.closedAt),
    });
    for (const [j, at] of row.delivered.entries()) {
      await stack.dataSource.getRepository(TaskEntity).insert({
        id: randomUUID(),
        participationId: id,
        workflowId,
        stepKey: `task-${j}`,
        kind: 'position',
        title: `Tâche ${j}`,
        instructions: '',
        assigneeId: 'console-report-coord',
        dueAt: new Date(at),
        priority: 'normal',
        status: 'completed',
        createdAt: new Date(row.launchedAt),
        updatedAt: new Date(at),
        completedAt: new Date(at),
      });
    }
  }
}
