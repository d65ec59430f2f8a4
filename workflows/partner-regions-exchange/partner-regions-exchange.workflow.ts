import { CancellationScope, setHandler, startChild, uuid4, type ChildWorkflowHandle } from '@temporalio/workflow';
import {
  cancelParticipationSignal,
  OPEN_CALL_DETAIL,
  SA_COORDINATOR,
  SA_FORUM,
  SA_PARTICIPATION_KIND,
  SA_PHASE,
  submitProposalUpdate,
  type ParticipationResult,
  type ProposalSubmission,
} from '../kit/contracts';
import { Participation } from '../kit/participation';
import { invalidInput, wrongState } from '../kit/rejection';
import { SessionCalendar } from '../kit/session-calendar';
import { assertValidInput } from '../kit/valid-input';
import { partnerProjectWorkflow } from './partner-project.workflow';
import {
  projectWorkflowId,
  proposalProblems,
  validatePartnerRegionsExchangeInput,
  type PartnerProjectInput,
  type PartnerRegionsExchangeInput,
} from './partner-regions-exchange.contract';
import { partnerRegionsExchangeStrings } from './partner-regions-exchange.strings';

/**
 * A call for exchange projects under the Conference of Heads of Government of
 * Partner Regions (educational, environmental, scientific, technological).
 * Until it closes (a dated step, movable), partners submit proposals for
 * their organization (`submitProposal` Update); each becomes a project of its
 * own, a child workflow with its participation row that only its
 * organization's partners read: screening, selection, funding, yearly
 * progress reports, final report. The call ends when every project has.
 */
export async function partnerRegionsExchangeWorkflow(input: PartnerRegionsExchangeInput): Promise<ParticipationResult> {
  assertValidInput(() => validatePartnerRegionsExchangeInput(input));
  const p = new Participation(input, partnerRegionsExchangeStrings);
  const sessions = new SessionCalendar(p);
  const projects: ChildWorkflowHandle<typeof partnerProjectWorkflow>[] = [];
  const codes: string[] = [];
  // Every partner reads an open call (and answers it); only the count of proposals shows, never whose they are.
  Object.assign(p.details, { [OPEN_CALL_DETAIL]: true, themes: input.themes, closesAt: input.closesAt, proposals: 0 });
  const closingLabel = (date: string) => p.t('session.callClosing', { title: input.title, date: date.slice(0, 10) });
  sessions.plan({ key: 'closing', date: input.closesAt, leadId: input.coordinatorId, label: closingLabel });
  const label = () => sessions.labelOf('closing') ?? closingLabel(input.closesAt);

  const receive = async (proposal: ProposalSubmission) => {
    codes.push(proposal.code);
    p.details.proposals = codes.length;
    const childInput: PartnerProjectInput = {
      participationId: uuid4(),
      kind: 'partner-regions-exchange',
      businessKey: `${input.businessKey}/${proposal.code}`,
      title: p.t('project.title', { project: proposal.title, organization: proposal.organization }).slice(0, 200),
      forum: input.forum,
      coordinatorId: input.coordinatorId,
      locale: input.locale,
      launchedAt: new Date(Date.now()).toISOString(),
      callWorkflowId: p.workflowId,
      proposal,
      screenerId: input.screenerId,
      selectionCommitteeIds: input.selectionCommitteeIds,
      projectYears: input.projectYears,
      timing: input.timing,
    };
    // Started outside the call's cancellation scope: a cancelled call ends its projects itself, with its reason.
    const child = await CancellationScope.nonCancellable(() =>
      startChild(partnerProjectWorkflow, {
        workflowId: projectWorkflowId(p.workflowId, proposal.code),
        args: [childInput],
        typedSearchAttributes: [
          { key: SA_PARTICIPATION_KIND, value: 'partner-regions-exchange' },
          { key: SA_FORUM, value: input.forum },
          { key: SA_PHASE, value: 'launched' },
          { key: SA_COORDINATOR, value: input.coordinatorId },
        ],
        staticSummary: childInput.title,
      }),
    );
    projects.push(child);
    await p.journalEntry(`proposal/${proposal.code}`, 'proposal.received', proposal.partnerId, { code: proposal.code });
    p.waitFor('proposals', 'wait.proposals', { count: codes.length }, input.closesAt);
    return p.view();
  };
  /** Why a proposal cannot be received now: a phase refusal, or what is wrong with it. */
  const refusal = (proposal: ProposalSubmission) => {
    if (p.phase !== 'call-open') return wrongState('reject.notInPhase', { phase: p.phase });
    const problems = proposalProblems(input.themes, proposal);
    if (codes.includes(proposal?.code)) problems.push(`a proposal already has the code ${proposal.code}`);
    return problems.length > 0 ? invalidInput('reject.invalidInput', { reason: problems.join('; ') }) : undefined;
  };
  setHandler(submitProposalUpdate, receive, {
    validator: (proposal: ProposalSubmission) => {
      const refused = refusal(proposal);
      if (refused) throw refused;
    },
  });
  // The Partner Regions secretariat's portal forwards proposals as events: the same rules, a refusal journaled.
  p.events.on('exchange.proposal.received', async (event) => {
    const { businessKey: _key, ...proposal } = event.data as unknown as ProposalSubmission & { businessKey: string };
    const refused = refusal(proposal);
    if (refused) return p.events.ignore(event, 'reject.invalidInput', { reason: refused.message });
    await receive(proposal);
  });

  const endProjects = async (reason: string, actorId: string) => {
    for (const child of projects) await child.signal(cancelParticipationSignal, { reason, actorId }).catch(() => undefined);
    await Promise.allSettled(projects.map((child) => child.result()));
  };
  p.onCancel(({ reason, actorId }) => endProjects(reason, actorId));

  return p.run(async () => {
    await p.enterPhase('call-open');
    p.waitFor('proposals', 'wait.proposals', { count: 0 }, input.closesAt);
    const closed = await sessions.hold('closing', { attendance: false, debrief: false, dueInMs: 0, remindBeforeMs: 0 });
    if (!closed) {
      await endProjects(p.t('audit.callCancelled', { label: label() }), input.coordinatorId);
      return p.close('withdrawn', input.coordinatorId, p.t('audit.callCancelled', { label: label() }));
    }

    await p.enterPhase('projects');
    p.waitFor('projects', 'wait.projects', { count: projects.length });
    const results = await Promise.allSettled(projects.map((child) => child.result()));
    const funded = results.filter((r) => r.status === 'fulfilled' && r.value.outcome === 'concluded').length;
    return p.close('concluded', 'workflow', p.t('audit.callEnded', { count: projects.length, funded }));
  });
}
