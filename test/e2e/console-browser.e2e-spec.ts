/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { auditInBothLanguages, setLanguage, signIn, tabTo, type AxeFinding } from '../helpers/console-page';
import { TaskEntity } from '../../libs/persistence/src';
import { launchBodies } from '../helpers/kind-fixtures';
import { participationApi } from '../helpers/participation-api';
import { inSeconds } from '../helpers/process-api';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';

// A journey signs in at the provider, acts, and audits each page twice (French, English) with axe:
// on a CI machine running two suites on two cores, that takes longer than the default minute.
jest.setTimeout(180_000);

/**
 * The web console in headless Chromium, through its pages only: a coordinator
 * launches a WTO round with the generated form (an API field error shown beside
 * its field first) and answers the federal government; an expert delivers a
 * position with the keyboard alone, live in the inbox; a coordinator completes
 * a task whose required field is a person; a supervisor reads what needs
 * attention. Every page is checked with axe-core and photographed in French
 * and in English (test-artifacts/console/).
 */
describe('the web console in headless Chromium', () => {
  let stack: TestStack;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let api: ReturnType<typeof participationApi>;
  const findings: AxeFinding[] = [];
  const pages = new Set<string>();
  let actions = 0;
  const expert = `expert-console-${Date.now().toString(36)}`;
  const look = async (page: Page, name: string) => {
    pages.add(name);
    findings.push(...(await auditInBothLanguages(page, name)));
  };

  beforeAll(async () => {
    stack = await startTestStack(
      { TASK_DUE_AFTER: '5 minutes', TASK_REMINDER_BEFORE: '0', TEMPORAL_UI_URL: 'http://127.0.0.1:8233' },
      { listen: true },
    );
    api = participationApi(stack);
    // The database is shared with the test files running beside this one: an expert of this file's own
    // keeps other files' tasks (whose workers may be gone) out of the inbox it works in.
    await stack.addPeople([expert], ['expert']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    process.stdout.write(`console: ${pages.size} pages, ${actions} actions through the browser, ${findings.length} axe violations\n`);
    await browser?.close();
    await stack?.close();
  });

  it('lets a coordinator launch a WTO round from the form, with API errors beside their fields, and answer the federal government', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await look(page, '01-sign-in');
    await signIn(page, stack.baseUrl!, 'coord-lavoie');
    await page.getByRole('heading', { name: 'Participations', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Lancer' }).click();
    await page.selectOption('#launch-kind', 'wto-round');
    await page.locator('#f-businessKey').waitFor();
    const title = `Ronde du navigateur ${Date.now()}`;
    await page.fill('#f-businessKey', 'Pas Une Clé');
    await page.fill('#f-title', title);
    await page.fill('#f-forum', 'wto');
    expect(await page.inputValue('#f-coordinatorId')).toBe('coord-lavoie');
    await page.fill('#f-issueAreas-0-area', 'agriculture');
    await page.fill('#f-issueAreas-0-expertId', expert);
    await page.fill('#f-mandateApproverIds', 'dm-international');
    await page.keyboard.press('Enter');
    await page.fill('#f-sessions-0-date', '2030-03-01T09:00');
    await page.fill('#f-sessions-0-leadExpertId', expert);
    await page.getByRole('button', { name: 'Lancer', exact: true }).click();
    actions += 1;

    // The API's 400 names businessKey: the message stands beside that field, which takes the focus.
    const keyError = page.locator('#f-businessKey-error');
    await keyError.waitFor();
    expect(await keyError.textContent()).toContain('businessKey');
    expect(await page.getAttribute('#f-businessKey', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-businessKey');
    await look(page, '02-launch-form-with-field-error');

    const businessKey = `navigateur-${Date.now()}`;
    await page.fill('#f-businessKey', businessKey);
    await page.getByRole('button', { name: 'Lancer', exact: true }).click();
    actions += 1;
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await page.locator('main').textContent()).toContain(`wto-round/${businessKey}`);
    const id = page.url().split('/').pop()!;
    expect(await page.getAttribute('a:has-text("Ouvrir dans Temporal")', 'href')).toBe(
      `http://127.0.0.1:8233/namespaces/default/workflows/${encodeURIComponent(`wto-round/${businessKey}`)}`,
    );

    // Only what the round accepts now: the federal answer and cancelling, no closing.
    const federal = page.getByRole('button', { name: 'Réponse du gouvernement fédéral' });
    await federal.waitFor();
    expect(await page.getByRole('button', { name: 'Clôturer la participation' }).count()).toBe(0);
    await look(page, '03-participation-waiting-federal');
    await federal.click();
    await page.selectOption('form.step select', 'granted');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    actions += 1;
    await page.getByRole('status').filter({ hasText: 'Demande acceptée' }).waitFor();
    await api.waitForPhase(id, 'position-drafting');
    await page.locator('dd', { hasText: 'Rédaction des positions' }).waitFor({ timeout: 20_000 });
    await page.locator('table a', { hasText: 'Position sur « agriculture »' }).waitFor();
    await look(page, '04-participation-drafting');

    await page.goto(`${stack.baseUrl}/console/participations?coordinatorId=coord-lavoie`);
    await page.locator('table a', { hasText: title }).waitFor();
    await look(page, '05-participations-list');
  });

  it('renders the launch form of each new kind, and launches an international agreement from it', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, stack.baseUrl!, 'coord-lavoie', '/console/participations/new');
    // Each kind's own fields, from its launch DTO: coded fields, nested lists, yes-no.
    for (const [kind, field] of [
      ['bilateral-mission', '#f-meetings-0-briefingAuthorId'],
      ['partner-regions-exchange', '#f-closesAt'],
      ['office-redeployment', '#f-officeCode'],
    ] as const) {
      await page.selectOption('#launch-kind', kind);
      await page.locator(field).waitFor();
    }
    await page.selectOption('#launch-kind', 'international-agreement');
    await page.locator('#f-counterpartCode').waitFor();
    const title = `Entente du navigateur ${Date.now()}`;
    const businessKey = `entente-navigateur-${Date.now()}`;
    await page.fill('#f-businessKey', businessKey);
    await page.fill('#f-title', title);
    await page.fill('#f-forum', 'bilateral');
    await page.selectOption('#f-counterpartType', 'federated-state');
    await page.fill('#f-counterpartCode', 'mx-jal');
    await page.fill('#f-mandateApproverIds', 'dm-international');
    await page.keyboard.press('Enter');
    await page.fill('#f-negotiatorId', 'expert-diaz');
    await page.fill('#f-legalAdvisorId', 'expert-morin');
    await page.fill('#f-rounds-0-date', '2030-03-01T09:00');
    await page.fill('#f-signatureDate', '2030-06-01T09:00');
    await page.selectOption('#f-important', 'yes');
    await page.fill('#f-followUpReports', '2');
    await look(page, '07-launch-agreement');
    // Its fields and choices are labelled by its kind's own words (GET /console/labels.json), in the reader's language.
    await page.locator('label[for="f-counterpartType"]', { hasText: 'Type de partenaire' }).waitFor();
    await page.locator('#f-counterpartType option[value="federated-state"]', { hasText: 'État fédéré' }).waitFor({ state: 'attached' });
    await page.locator('label[for="f-businessKey"]', { hasText: 'Clé unique' }).waitFor();
    await setLanguage(page, 'en');
    await page.locator('label[for="f-counterpartType"]', { hasText: 'Counterpart type' }).waitFor();
    await page.locator('label[for="f-negotiatorId"]', { hasText: 'Negotiator' }).waitFor();
    await setLanguage(page, 'fr');
    await page.getByRole('button', { name: 'Lancer', exact: true }).click();
    actions += 1;
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await page.locator('main').textContent()).toContain(`international-agreement/${businessKey}`);
    const id = page.url().split('/').pop()!;
    const launched = await api.waitForPhase(id, 'mandate-drafting');
    expect(launched.live.details).toMatchObject({ counterpartCode: 'mx-jal', important: true });
  });

  it('lets a partner answer an open call from its page, and list only its organization’s work', async () => {
    const call = await api.launch(launchBodies.exchange({ title: `Appel du navigateur ${Date.now()}`, closesAt: inSeconds(3600) }));
    await api.waitForPhase(call.id, 'call-open');
    const page = await (await browser.newContext()).newPage();
    await signIn(page, stack.baseUrl!, 'partner-weber', `/console/participations/${call.id}`);
    const submit = page.getByRole('button', { name: /^(Soumettre un projet pour mon organisation|Submit a project for my organization)$/ });
    await submit.click();
    await page.fill('#submit-proposal-code', 'browser-project');
    await page.fill('#submit-proposal-title', 'Projet du navigateur');
    await page.selectOption('#submit-proposal-theme', 'educational');
    await page.fill('#submit-proposal-summary', 'Échanges d’enseignants.');
    await look(page, '08-partner-proposal');
    await page.getByRole('button', { name: /^(Envoyer|Send)$/ }).click();
    actions += 1;
    await page
      .getByRole('status')
      .filter({ hasText: /Demande acceptée|Request accepted/ })
      .waitFor();
    const project = await eventually(
      async () =>
        (
          (await stack.http('partner-weber').get('/participations').query({ kind: 'partner-regions-exchange', pageSize: 100 })).body
            .items as Array<{
            id: string;
            businessKey: string;
          }>
        ).find((row) => row.businessKey.endsWith('/browser-project')),
      { what: 'the project the partner submitted' },
    );
    await page.goto(`${stack.baseUrl}/console/participations?kind=partner-regions-exchange`);
    await page.locator('table a', { hasText: 'Projet du navigateur' }).waitFor();
    // The ministry's own work is not listed for a partner.
    expect(await page.locator('table a', { hasText: 'Entente du navigateur' }).count()).toBe(0);
    await look(page, '09-partner-participations');
    await stack.http('coord-lavoie').post(`/participations/${project.id}/cancel`).send({ reason: 'Fin du test.' }).expect(200);
    await stack.http('coord-lavoie').post(`/participations/${call.id}/cancel`).send({ reason: 'Fin du test.' }).expect(200);
  });

  it('lets an expert deliver a position with the keyboard alone, the inbox updating live', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, stack.baseUrl!, expert, '/console/inbox');
    await page.locator('p.live.on').waitFor();
    const row = page.locator('tr[data-task-id]', { hasText: 'Position sur « agriculture »' }).first();
    await row.waitFor();
    const taskId = (await row.getAttribute('data-task-id'))!;
    await look(page, '06-inbox');

    // A task arrives for this expert while the inbox is open: it shows without a reload.
    const other = await api.launch({
      kind: 'wto-round',
      businessKey: `en-direct-${Date.now()}`,
      title: `Ronde en direct ${Date.now()}`,
      forum: 'wto',
      coordinatorId: 'coord-lavoie',
      issueAreas: [{ area: 'fisheries', expertId: expert }],
      mandateApproverIds: ['dm-international'],
      sessions: [],
    });
    await api.waitForPhase(other.id, 'federal-coordination');
    await stack.http('coord-lavoie').post(`/participations/${other.id}/federal-response`).send({ decision: 'granted' }).expect(200);
    await page.locator('tr[data-task-id]', { hasText: 'Position sur « fisheries »' }).waitFor({ timeout: 20_000 });

    // From here on, only the keyboard: to the task, into the summary, then deliver.
    await page.locator('main').focus();
    await tabTo(page, `a[href="/console/tasks/${taskId}"]`);
    await page.keyboard.press('Enter');
    await page.locator('#task-summary').waitFor();
    await look(page, '07-task');
    await tabTo(page, '#task-summary');
    await page.keyboard.type('Appuyer la réduction des subventions à l’exportation.');
    await tabTo(page, 'main form button[type=submit]');
    await page.keyboard.press('Enter');
    actions += 1;
    // The Update returns once the workflow has written the completion: under a loaded machine, allow it time.
    const answer = page.getByRole('status').filter({ hasText: 'Tâche remise.' }).or(page.getByRole('alert'));
    await answer.first().waitFor({ timeout: 60_000 });
    expect(await answer.first().textContent()).toContain('Tâche remise.');
    const stored = (await stack.http(expert).get(`/tasks/${taskId}`).expect(200)).body;
    expect(stored).toMatchObject({
      status: 'completed',
      deliverable: { summary: 'Appuyer la réduction des subventions à l’exportation.' },
    });
  });

  it('completes from the inbox a task whose required field is a person, after the API refused it without', async () => {
    const launched = await api.launch(launchBodies.regionalForum({ title: `Forum du navigateur ${Date.now()}` }));
    const [task] = await api.waitForOpenTasks(launched.id, 'delegate-assignment', 1);
    const page = await (await browser.newContext()).newPage();
    // Filtered to this participation: the coordinator's inbox holds the other test files' tasks too.
    await signIn(page, stack.baseUrl!, 'coord-lavoie', `/console/inbox?participationId=${launched.id}`);
    await page.locator(`tr[data-task-id="${task.id}"] a`).click();
    const delegate = page.locator('#task-field-delegateId');
    await delegate.waitFor();
    expect(await page.locator('label[for="task-field-delegateId"]').textContent()).toContain('Délégué désigné');
    await look(page, '08-task-with-required-person');

    await page.fill('#task-summary', 'Délégation confirmée.');
    await page.getByRole('button', { name: 'Remettre', exact: true }).click();
    actions += 1;
    // Sent without the field, the workflow refuses: said in words, with its reason, never a bare status.
    const refusal = page.locator('main [role=alert]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Le processus refuse cette demande.');
    expect(await refusal.textContent()).toContain('delegateId');
    expect(await refusal.textContent()).not.toMatch(/\b422\b/);

    await delegate.fill('expert-caron');
    await page.getByRole('button', { name: 'Remettre', exact: true }).click();
    actions += 1;
    await page.getByRole('status').filter({ hasText: 'Tâche remise.' }).waitFor();
    await eventually(async () => {
      const stored = (await stack.http('coord-lavoie').get(`/tasks/${task.id}`)).body;
      return stored.status === 'completed' && stored.deliverable?.fields?.delegateId === 'expert-caron' ? true : undefined;
    });
  });

  it('shows a supervisor what needs attention, with links into the Temporal UI', async () => {
    // The expert's task still open (the live one) falls overdue: its coordinator moves its due date back.
    const late = await stack.dataSource.getRepository(TaskEntity).findOneByOrFail({ assigneeId: expert, status: 'open' });
    await stack
      .http('coord-lavoie')
      .patch(`/tasks/${late.id}`)
      .send({ dueAt: new Date(Date.now() - 60_000).toISOString(), reason: 'Échéance avancée.' })
      .expect(200);
    await eventually(async () =>
      (await stack.dataSource.getRepository(TaskEntity).findOneByOrFail({ id: late.id })).overdue ? true : undefined,
    );

    const page = await (await browser.newContext()).newPage();
    await signIn(page, stack.baseUrl!, 'sup-gagnon', '/console/attention');
    await page.getByRole('heading', { name: 'Participations par type et phase' }).waitFor();
    const link = page.locator('a', { hasText: 'Liste dans Temporal' }).first();
    expect(decodeURIComponent((await link.getAttribute('href'))!)).toMatch(
      /workflows\?query=(ExecutionStatus="Running" AND )?ParticipationKind="[a-z-]+" AND Phase="/,
    );
    // Overdue work by person: the row leads to the participation of the most overdue task and to the person's list in Temporal.
    const row = page.locator('section[aria-labelledby="by-person"] tr', { hasText: expert });
    expect(await row.locator('a').first().getAttribute('href')).toBe(`/console/participations/${late.participationId}`);
    expect(decodeURIComponent((await row.locator('a', { hasText: 'Liste dans Temporal' }).getAttribute('href'))!)).toContain(
      `AssignedExperts="${expert}" AND OverdueTasks > 0`,
    );
    await look(page, '09-attention');
  });

  it('finds 0 serious or critical accessibility violations on every page, in both languages', () => {
    expect(findings).toEqual([]);
    expect(pages.size).toBeGreaterThanOrEqual(9);
  });
});
