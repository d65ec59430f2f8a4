/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { AuditEntryEntity, ParticipationEntity, TaskEntity } from '../../libs/persistence/src';
import { launchChromium } from '../helpers/browser';
import { auditInBothLanguages, signIn, tabTo, type AxeFinding } from '../helpers/console-page';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';

// Two whole processes, each person signing in at the provider, every page audited twice with axe:
// on a CI machine running two suites on two cores, that takes minutes.
jest.setTimeout(900_000);

/**
 * The console's main proof (issue 14): four people carry a WTO round from
 * launch to close, then an intern placement from screening to its final
 * report, through the pages only. Each person has a browser context of their
 * own; every page is checked with axe-core and photographed in French and in
 * English; at the end the state is read in Temporal and in PostgreSQL.
 * The only step not taken by a person is the organization's answer to the
 * intern's offer: an outside event, sent as the integration service does.
 */
describe('four people carry a participation from launch to close in the console', () => {
  let stack: TestStack;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const findings: AxeFinding[] = [];
  const pages = new Set<string>();
  let actions = 0;
  const stamp = Date.now().toString(36);

  const look = async (page: Page, name: string) => {
    pages.add(name);
    findings.push(...(await auditInBothLanguages(page, `journey-${name}`)));
  };
  /** Something a person did with the browser: a click or a key that sent a request. */
  const act = async (step: Promise<unknown>) => {
    await step;
    actions += 1;
  };
  const personPage = async (personId: string, path = '/console/'): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    // The Updates return once the workflow has written each change: under a loaded machine, allow them time.
    page.setDefaultTimeout(60_000);
    await signIn(page, stack.baseUrl!, personId, path);
    return page;
  };
  const said = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();
  /** The reader's inbox narrowed to one participation (the database is shared with the other test files). */
  const inbox = async (page: Page, participationId: string) => {
    await page.goto(`${stack.baseUrl}/console/inbox?participationId=${participationId}`);
    await page.locator('p.live.on').waitFor();
  };
  const row = (page: Page, title: string) => page.locator('tr[data-task-id]', { hasText: title }).first();
  const openTask = async (page: Page, participationId: string, title: string) => {
    await inbox(page, participationId);
    await row(page, title).locator('a').click();
    await page.getByRole('heading', { level: 1, name: title }).first().waitFor();
  };
  const deliver = async (page: Page, summary: string) => {
    await page.fill('#task-summary', summary);
    await act(page.getByRole('button', { name: 'Remettre', exact: true }).click());
    await said(page, 'Tâche remise.');
  };
  const participationPage = async (page: Page, id: string, phaseWords: string) => {
    await page.goto(`${stack.baseUrl}/console/participations/${id}`);
    await page.locator('dl.facts dd', { hasText: phaseWords }).first().waitFor({ timeout: 60_000 });
  };
  const phaseOf = async (id: string) => (await stack.dataSource.getRepository(ParticipationEntity).findOneByOrFail({ id })).phase;
  const waitPhase = (id: string, phase: string) =>
    eventually(async () => ((await phaseOf(id)) === phase ? true : undefined), { timeoutMs: 120_000 });
  /** The timeline as the page shows it: sentences, never a raw journal code or an unfilled placeholder. */
  const expectTimelineInWords = async (page: Page) => {
    const lines = await page.locator('ol.timeline > li').allTextContents();
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(line).not.toMatch(/— [a-z]+(\.[a-z-]+)+\s*(\(|$)/);
    }
  };
  /** Where Temporal says the workflow stands, and the `Phase` search attribute supervisors filter on. */
  const temporalState = async (workflowId: string) => {
    const described = await stack.client.workflow.getHandle(workflowId).describe();
    return { status: described.status.name, phase: described.searchAttributes.Phase };
  };

  beforeAll(async () => {
    stack = await startTestStack(
      {
        TASK_DUE_AFTER: '5 minutes',
        TASK_REMINDER_BEFORE: '0',
        TEMPORAL_UI_URL: 'http://127.0.0.1:8233',
        INTERN_OFFER_DEADLINE: '10 minutes',
      },
      { listen: true },
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    process.stdout.write(`console: ${pages.size} pages, ${actions} actions through the browser, ${findings.length} axe violations\n`);
    await browser?.close();
    await stack?.close();
  });

  it('carries a WTO round from launch to close: coordinator, two experts (one through their group) and the approver', async () => {
    const coordinator = await personPage('coord-lavoie');
    const title = `Ronde des quatre ${stamp}`;
    const businessKey = `quatre-${stamp}`;
    const workflowId = `wto-round/${businessKey}`;

    // 1. The coordinator launches it from the form: one area for a named expert, one for the WTO experts' group.
    await coordinator.getByRole('link', { name: 'Lancer' }).click();
    await coordinator.selectOption('#launch-kind', 'wto-round');
    await coordinator.locator('#f-businessKey').waitFor();
    await coordinator.fill('#f-businessKey', businessKey);
    await coordinator.fill('#f-title', title);
    await coordinator.fill('#f-forum', 'wto');
    await coordinator.fill('#f-issueAreas-0-area', 'agriculture');
    await coordinator.fill('#f-issueAreas-0-expertId', 'expert-tremblay');
    await coordinator.click('#f-issueAreas > button');
    await coordinator.fill('#f-issueAreas-1-area', 'services');
    await coordinator.fill('#f-issueAreas-1-candidateGroup', 'wto-experts');
    await coordinator.fill('#f-mandateApproverIds', 'dm-international');
    await coordinator.keyboard.press('Enter');
    await coordinator.fill('#f-sessions-0-date', '2030-03-01T09:00');
    await coordinator.fill('#f-sessions-0-leadExpertId', 'expert-tremblay');
    await look(coordinator, '01-wto-launch-form');
    await act(coordinator.getByRole('button', { name: 'Lancer', exact: true }).click());
    await coordinator.getByRole('heading', { name: title, level: 1 }).waitFor();
    const id = coordinator.url().split('/').pop()!;

    // 2. The federal answer: the only step offered besides cancelling.
    const federal = coordinator.getByRole('button', { name: 'Réponse du gouvernement fédéral' });
    await federal.waitFor();
    expect(await coordinator.getByRole('button', { name: 'Clôturer la participation' }).count()).toBe(0);
    await look(coordinator, '02-wto-waiting-federal');
    await federal.click();
    await coordinator.selectOption('form.step select', 'granted');
    await act(coordinator.getByRole('button', { name: 'Envoyer' }).click());
    await said(coordinator, 'Demande acceptée');
    await waitPhase(id, 'position-drafting');
    await participationPage(coordinator, id, 'Rédaction des positions');
    const tasks = coordinator.locator('section[aria-labelledby="tasks-title"] tbody tr');
    // People are shown by name (the directory's), their id in the tooltip.
    await tasks.filter({ hasText: 'agriculture' }).filter({ hasText: 'Sophie Tremblay' }).waitFor();
    expect(await tasks.filter({ hasText: 'agriculture' }).getByTitle('expert-tremblay').textContent()).toBe('Sophie Tremblay');
    await tasks.filter({ hasText: 'services' }).filter({ hasText: 'groupe wto-experts' }).waitFor();
    await look(coordinator, '03-wto-drafting');

    // 3. Claiming means something only on the group's task: not on the one already assigned to the expert.
    const tremblay = await personPage('expert-tremblay');
    await inbox(tremblay, id);
    await row(tremblay, 'services').waitFor();
    expect(
      await row(tremblay, 'agriculture')
        .getByRole('button', { name: /Prendre/ })
        .count(),
    ).toBe(0);
    expect(
      await row(tremblay, 'services')
        .getByRole('button', { name: /Prendre/ })
        .count(),
    ).toBe(1);
    await look(tremblay, '04-wto-expert-inbox');
    // Her calendar feed, from the inbox: the address any calendar application reads without a token.
    await act(tremblay.getByRole('button', { name: 'Obtenir une adresse de calendrier' }).click());
    const address = await tremblay.locator('#calendar-url').inputValue();
    const feed = await stack.http(null).get(new URL(address).pathname).expect(200);
    expect(feed.text.replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:Échéance : Position sur « agriculture » (révision 1)');

    // The other expert of the group claims the services position and delivers it.
    const nguyen = await personPage('expert-nguyen');
    await inbox(nguyen, id);
    expect(await row(nguyen, 'agriculture').count()).toBe(0);
    await act(
      row(nguyen, 'services')
        .getByRole('button', { name: /Prendre/ })
        .click(),
    );
    await said(nguyen, 'Tâche prise');
    await row(nguyen, 'services')
      .getByRole('button', { name: /Rendre au groupe/ })
      .waitFor();
    await openTask(nguyen, id, 'Position sur « services »');
    await look(nguyen, '05-wto-claimed-group-task');
    await deliver(nguyen, 'Ouvrir les services professionnels sous réserve de réciprocité.');

    // The named expert delivers hers with the keyboard alone, from her inbox.
    await inbox(tremblay, id);
    const agriculture = await row(tremblay, 'agriculture').getAttribute('data-task-id');
    await tremblay.locator('main').focus();
    await tabTo(tremblay, `a[href="/console/tasks/${agriculture}"]`);
    await tremblay.keyboard.press('Enter');
    await tabTo(tremblay, '#task-summary');
    await tremblay.keyboard.type('Appuyer la réduction des subventions à l’exportation.');
    await tabTo(tremblay, 'main form button[type=submit]');
    await act(tremblay.keyboard.press('Enter'));
    await said(tremblay, 'Tâche remise.');

    // 4. The approver finds the mandate in their inbox and approves it there.
    await waitPhase(id, 'mandate-approval');
    const approver = await personPage('dm-international');
    await openTask(approver, id, 'Approbation du mandat');
    await look(approver, '06-wto-approval-task');
    await approver.check('input[name="task-field-decision"][value="approve"]');
    await act(approver.getByRole('button', { name: 'Envoyer', exact: true }).click());
    await said(approver, 'Tâche remise.');

    // 5. The coordinator moves the session to the coming minute; the round holds it then.
    await waitPhase(id, 'negotiation-sessions');
    await participationPage(coordinator, id, 'Sessions de négociation');
    const move = coordinator.getByRole('button', { name: /^Déplacer : / });
    await move.click();
    const soon = nextMinute();
    await coordinator.fill('form.step input[type="datetime-local"]', localInputValue(soon));
    await coordinator.fill('form.step input[type="text"]', 'Avancée à la demande du secrétariat.');
    await look(coordinator, '07-wto-move-session');
    await act(coordinator.getByRole('button', { name: 'Envoyer' }).click());
    await said(coordinator, 'Demande acceptée');
    await eventually(async () => {
      const moved = await stack.dataSource
        .getRepository(AuditEntryEntity)
        .findOneBy({ participationId: id, action: 'session.rescheduled' });
      return moved ?? undefined;
    });

    // 6. After the session, its lead confirms attendance (a required yes/no, by keyboard), then writes the debrief.
    await eventually(
      async () =>
        (await stack.dataSource.getRepository(TaskEntity).findOneBy({ participationId: id, kind: 'attendance', status: 'open' })) ??
        undefined,
      { timeoutMs: 150_000 },
    );
    await openTask(tremblay, id, 'Présence');
    expect(await tremblay.locator('fieldset.radios legend').first().textContent()).toMatch(/obligatoire/);
    await look(tremblay, '08-wto-attendance-task');
    await tabTo(tremblay, 'input[name="task-field-attended"]');
    await tremblay.keyboard.press('Space');
    expect(await tremblay.isChecked('input[name="task-field-attended"][value="yes"]')).toBe(true);
    await deliver(tremblay, 'Présente à la session.');
    await eventually(
      async () =>
        (await stack.dataSource.getRepository(TaskEntity).findOneBy({ participationId: id, kind: 'debrief', status: 'open' })) ?? undefined,
    );
    await openTask(tremblay, id, 'Compte rendu');
    await deliver(tremblay, 'Les parties conviennent d’un texte de base pour la prochaine session.');

    // 7. The coordinator closes it from the closing task in their inbox.
    await waitPhase(id, 'closing');
    await openTask(coordinator, id, 'Clôture');
    await look(coordinator, '09-wto-closing-task');
    await coordinator.check('input[name="task-field-outcome"][value="concluded"]');
    await deliver(coordinator, 'Ronde conclue : mandat tenu.');

    await waitPhase(id, 'closed');
    await participationPage(coordinator, id, 'Terminée');
    await coordinator.getByText('Aucune action ne vous est ouverte maintenant.').waitFor();
    await coordinator.locator('ol.timeline > li', { hasText: 'prise' }).first().waitFor();
    await expectTimelineInWords(coordinator);
    await look(coordinator, '10-wto-closed');

    // Where Temporal and the database say it stands.
    await eventually(async () => ((await temporalState(workflowId)).status === 'COMPLETED' ? true : undefined));
    expect(await temporalState(workflowId)).toEqual({ status: 'COMPLETED', phase: ['closed'] });
    const stored = await stack.dataSource.getRepository(ParticipationEntity).findOneByOrFail({ id });
    expect(stored).toMatchObject({
      status: 'completed',
      phase: 'closed',
      outcome: 'concluded',
      closingSummary: 'Ronde conclue : mandat tenu.',
    });
    const storedTasks = await stack.dataSource.getRepository(TaskEntity).findBy({ participationId: id });
    const byKind = (kind: string) => storedTasks.filter((t) => t.kind === kind);
    expect(
      byKind('position')
        .map((t) => [t.status, t.assigneeId])
        .sort(),
    ).toEqual([
      ['completed', 'expert-nguyen'],
      ['completed', 'expert-tremblay'],
    ]);
    expect(byKind('approval')).toEqual([expect.objectContaining({ status: 'completed', assigneeId: 'dm-international' })]);
    expect(byKind('attendance')).toEqual([
      expect.objectContaining({ status: 'completed', deliverable: expect.objectContaining({ fields: { attended: 'yes' } }) }),
    ]);
    expect(byKind('debrief')).toEqual([expect.objectContaining({ status: 'completed' })]);
    expect(byKind('closing')).toEqual([expect.objectContaining({ status: 'completed', assigneeId: 'coord-lavoie' })]);
    const journal = (await stack.dataSource.getRepository(AuditEntryEntity).findBy({ participationId: id })).map((e) => e.action);
    expect(journal).toEqual(
      expect.arrayContaining(['task.claimed', 'session.rescheduled', 'session.held', 'approval.approve', 'participation.closed']),
    );
  });

  it('carries an intern placement from screening to the final report: coordinator, intern office, intern and supervisor', async () => {
    const coordinator = await personPage('coord-lavoie');
    const title = `Stage des quatre ${stamp}`;
    const businessKey = `stage-${stamp}`;
    const workflowId = `intern-placement/${businessKey}`;
    const starts = nextMinute();

    // 1. Launched from the form: the screening goes to the intern office, the pre-departure steps one per line.
    await coordinator.goto(`${stack.baseUrl}/console/participations/new/intern-placement`);
    await coordinator.locator('#f-internId').waitFor();
    await coordinator.fill('#f-businessKey', businessKey);
    await coordinator.fill('#f-title', title);
    await coordinator.fill('#f-forum', 'unesco');
    await coordinator.fill('#f-internId', 'intern-2027-042');
    await coordinator.fill('#f-screeningGroup', 'intern-office');
    await coordinator.fill('#f-preDeparture', 'visa\ninsurance');
    await coordinator.fill('#f-placementStartsAt', localInputValue(starts));
    await coordinator.fill('#f-placementEndsAt', localInputValue(new Date(starts.getTime() + 60_000)));
    await look(coordinator, '11-intern-launch-form');
    await act(coordinator.getByRole('button', { name: 'Lancer', exact: true }).click());
    await coordinator.getByRole('heading', { name: title, level: 1 }).waitFor();
    const id = coordinator.url().split('/').pop()!;
    await participationPage(coordinator, id, 'Vérification de l’admissibilité');
    await coordinator.locator('section[aria-labelledby="tasks-title"] tbody tr', { hasText: 'groupe intern-office' }).waitFor();
    await look(coordinator, '12-intern-screening');

    // 2. An officer of the intern office claims the screening and says the applicant is eligible.
    const officer = await personPage('officer-bergeron');
    await inbox(officer, id);
    await act(
      row(officer, 'Admissibilité')
        .getByRole('button', { name: /Prendre/ })
        .click(),
    );
    await said(officer, 'Tâche prise');
    await openTask(officer, id, 'Admissibilité');
    await look(officer, '13-intern-screening-task');
    await officer.check('input[name="task-field-eligible"][value="yes"]');
    await deliver(officer, 'Dossier complet, candidature admissible.');

    // 3. The coordinator matches the intern with an organization (a required free-text field).
    await waitPhase(id, 'matching');
    await openTask(coordinator, id, 'Jumelage');
    await coordinator.fill('#task-field-organization', 'unesco');
    await look(coordinator, '14-intern-matching-task');
    await deliver(coordinator, 'Offre demandée à l’UNESCO.');

    // The organization accepts the offer: an outside event, as its system sends it.
    await waitPhase(id, 'offer');
    await stack
      .service()
      .post('/events')
      .send({ id: `accept-${stamp}`, type: 'intern.offer.accepted', data: { businessKey, organization: 'unesco' } })
      .expect(201);

    // 4. The intern does the pre-departure steps, then the mid-term and final reports, from their inbox.
    await waitPhase(id, 'pre-departure');
    const intern = await personPage('intern-2027-042');
    await inbox(intern, id);
    await row(intern, 'insurance').waitFor();
    await look(intern, '15-intern-inbox');
    await openTask(intern, id, 'Préparatif de départ : visa');
    await deliver(intern, 'Visa obtenu.');
    await openTask(intern, id, 'Préparatif de départ : insurance');
    await deliver(intern, 'Assurance souscrite.');
    for (const report of ['Rapport de mi-parcours', 'Rapport final']) {
      await eventually(
        async () => {
          const open = await stack.dataSource.getRepository(TaskEntity).findBy({ participationId: id, kind: 'report', status: 'open' });
          return open.some((t) => t.title.startsWith(report)) ? true : undefined;
        },
        { timeoutMs: 150_000 },
      );
      await openTask(intern, id, report);
      await deliver(intern, `${report} remis.`);
    }

    // 5. The supervisor reads how it ended.
    await waitPhase(id, 'closed');
    const supervisor = await personPage('sup-gagnon');
    await participationPage(supervisor, id, 'Terminée');
    await expectTimelineInWords(supervisor);
    await look(supervisor, '16-intern-closed');

    await eventually(async () => ((await temporalState(workflowId)).status === 'COMPLETED' ? true : undefined));
    expect(await temporalState(workflowId)).toEqual({ status: 'COMPLETED', phase: ['closed'] });
    const stored = await stack.dataSource.getRepository(ParticipationEntity).findOneByOrFail({ id });
    expect(stored).toMatchObject({ status: 'completed', phase: 'closed', outcome: 'concluded' });
    const storedTasks = await stack.dataSource.getRepository(TaskEntity).findBy({ participationId: id });
    expect(storedTasks.map((t) => `${t.kind}:${t.status}:${t.assigneeId}`).sort()).toEqual([
      'eligibility-screening:completed:officer-bergeron',
      'matching:completed:coord-lavoie',
      'pre-departure:completed:intern-2027-042',
      'pre-departure:completed:intern-2027-042',
      'report:completed:intern-2027-042',
      'report:completed:intern-2027-042',
    ]);
    const screening = storedTasks.find((t) => t.kind === 'eligibility-screening')!;
    expect(screening.deliverable).toMatchObject({ fields: { eligible: 'yes' } });
    expect(storedTasks.find((t) => t.kind === 'matching')!.deliverable).toMatchObject({ fields: { organization: 'unesco' } });
  });

  it('finds 0 serious or critical accessibility violations on every page, in both languages', () => {
    expect(findings).toEqual([]);
    expect(pages.size).toBeGreaterThanOrEqual(16);
  });
});

/** The start of the next minute at least 20 seconds away: the console's date-time inputs are to the minute. */
function nextMinute(): Date {
  const at = new Date(Date.now() + 20_000);
  at.setSeconds(0, 0);
  return new Date(at.getTime() + 60_000);
}

/** An instant as typed in a `datetime-local` input, in this machine's time zone (the browser's too). */
function localInputValue(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
