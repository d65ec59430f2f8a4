import { workflowLink, workflowListLink } from './temporal-links';

describe('links into the Temporal UI', () => {
  const ui = { baseUrl: 'http://127.0.0.1:8233', namespace: 'default' };

  it('opens a participation’s own page, its id encoded', () => {
    expect(workflowLink(ui, 'wto-round/doha 2027')).toBe('http://127.0.0.1:8233/namespaces/default/workflows/wto-round%2Fdoha%202027');
    expect(workflowLink({ baseUrl: null, namespace: 'default' }, 'x')).toBeNull();
  });

  it('opens the list filtered on kind and phase', () => {
    const link = workflowListLink(ui, { kind: 'wto-round', phase: 'mandate-approval' })!;
    expect(decodeURIComponent(link.split('query=')[1])).toBe(
      'ExecutionStatus="Running" AND ParticipationKind="wto-round" AND Phase="mandate-approval"',
    );
  });

  it('opens the list of one person’s overdue work', () => {
    const link = workflowListLink(ui, { assignee: 'expert-tremblay', overdue: true })!;
    expect(decodeURIComponent(link.split('query=')[1])).toBe(
      'ExecutionStatus="Running" AND AssignedExperts="expert-tremblay" AND OverdueTasks > 0',
    );
  });

  it('looks among completed workflows for the closed ones', () => {
    const link = workflowListLink(ui, { kind: 'wto-round', phase: 'closed' })!;
    expect(decodeURIComponent(link.split('query=')[1])).toBe('ParticipationKind="wto-round" AND Phase="closed"');
  });
});
