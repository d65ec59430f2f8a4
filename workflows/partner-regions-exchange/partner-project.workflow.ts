import { PARTNER_ORGANIZATION_DETAIL, TEXT, YES_NO, type MessageKey, type ParticipationResult } from '../kit/contracts';
import { ApprovalGate } from '../kit/approval';
import { Participation } from '../kit/participation';
import { runReportingCycles } from '../kit/reporting-cycle';
import { assertValidInput } from '../kit/valid-input';
import { validatePartnerProjectInput, type PartnerProjectInput } from './partner-regions-exchange.contract';
import { partnerRegionsExchangeStrings } from './partner-regions-exchange.strings';

/**
 * One organization's proposal to a Partner Regions call, then its project:
 * eligibility screening, the selection committee's decision (a revision goes
 * back to the partner), the funding agreement, a progress report from the
 * partner each project year (continuing as new every CYCLES_PER_RUN years),
 * and the final report. Its participation names the organization, so that
 * the organization's partners, and no other, read it.
 */
export async function partnerProjectWorkflow(input: PartnerProjectInput): Promise<ParticipationResult> {
  assertValidInput(() => validatePartnerProjectInput(input));
  const p = new Participation(input, partnerRegionsExchangeStrings, input.carried);
  const selection = new ApprovalGate(p, 'selection', input.selectionCommitteeIds, input.timing);
  const { timing, proposal } = input;
  const due = { dueInMs: timing.taskDueMs, remindBeforeMs: timing.taskReminderBeforeMs };
  const { organization, partnerId } = proposal;
  const project = proposal.title;
  Object.assign(p.details, {
    [PARTNER_ORGANIZATION_DETAIL]: organization,
    partnerId,
    code: proposal.code,
    theme: proposal.theme,
    callWorkflowId: input.callWorkflowId,
  });

  const beforeReports = async (): Promise<ParticipationResult | undefined> => {
    await p.journalEntry('proposal', 'proposal.received', partnerId, { code: proposal.code }, proposal.summary);
    await p.enterPhase('proposal-screening');
    p.waitFor('tasks', 'wait.proposalScreening');
    const theme = p.t(`theme.${proposal.theme}` as MessageKey);
    const screening = await p.tasks.run({
      step: 'screening',
      kind: 'eligibility-screening',
      title: p.t('task.proposalScreening.title', { project }),
      instructions: p.t('task.proposalScreening.instructions', { project, theme, organization }),
      assigneeId: input.screenerId,
      requiredFields: { eligible: YES_NO },
      ...due,
    });
    if (screening.deliverable?.fields?.eligible !== 'yes') {
      return p.close('withdrawn', screening.assigneeId ?? input.screenerId, screening.deliverable?.summary ?? p.t('audit.notEligible'));
    }

    for (let revision = 1; ; revision += 1) {
      p.details.revision = revision;
      await p.enterPhase('selection');
      const decision = await selection.request('wait.selectionDecision' as MessageKey, { revision });
      if (decision.decision === 'approve') break;
      if (decision.decision === 'reject') return p.close('withdrawn', decision.approverId, decision.comments ?? p.t('audit.notSelected'));
      await p.enterPhase('proposal-revision');
      p.waitFor('tasks', 'wait.proposalRevision', { organization });
      await p.tasks.run({
        step: `revision/${revision}`,
        kind: 'proposal-revision',
        title: p.t('task.proposalRevision.title', { project }),
        instructions: `${p.t('task.proposalRevision.instructions', { project })}\n${decision.comments ?? ''}`.trim(),
        assigneeId: partnerId,
        ...due,
      });
    }

    await p.enterPhase('funding-agreement');
    p.waitFor('tasks', 'wait.fundingAgreement');
    const funding = await p.tasks.run({
      step: 'funding',
      kind: 'funding-agreement',
      title: p.t('task.fundingAgreement.title', { project }),
      instructions: p.t('task.fundingAgreement.instructions', { project, organization }),
      assigneeId: input.coordinatorId,
      requiredFields: { agreementReference: TEXT },
      ...due,
    });
    p.details.agreementReference = funding.deliverable?.fields?.agreementReference;
    await p.enterPhase('progress-reports');
    return undefined;
  };

  return p.run(async () => {
    if (!input.resume) {
      const closed = await beforeReports();
      if (closed) return closed;
    }
    const total = input.projectYears;
    const next = await runReportingCycles(p, {
      position: input.resume ?? { anchorAt: new Date(Date.now()).toISOString(), nextCycle: 1 },
      total,
      periodMs: timing.projectYearMs,
      cyclesPerRun: timing.cyclesPerRun,
      report: (cycle) => ({
        step: `progress/${cycle}`,
        kind: 'progress-report',
        title: p.t('task.projectProgress.title', { cycle, total, project }),
        instructions: p.t('task.projectProgress.instructions', { cycle, project }),
        assigneeId: partnerId,
        ...due,
      }),
    });
    if (next) return p.continueAsNew<typeof partnerProjectWorkflow>(() => ({ ...input, resume: next }));

    await p.enterPhase('final-report');
    p.waitFor('tasks', 'wait.projectFinalReport', { organization });
    await p.tasks.run({
      step: 'final-report',
      kind: 'final-report',
      title: p.t('task.finalReport.title', { project }),
      instructions: p.t('task.finalReport.instructions', { project }),
      assigneeId: partnerId,
      ...due,
    });
    return p.close('concluded', partnerId, p.t('audit.projectCompleted'));
  });
}
