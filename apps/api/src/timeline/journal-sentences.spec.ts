import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APPROVAL_DECISIONS, describeJournalRow, ROUND_DECISIONS, type JournalRow } from '@lib/contracts';
import { EVENT_TYPES } from '@workflows/registry-lookups';
import { messages } from '../common/messages';

const ROOT = join(__dirname, '../../../..');

/** Every `.ts` file under a folder, specs left out: the code that writes the journal. */
function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'histories' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const CODE = String.raw`'([a-z]+(?:\.[a-z-]+)+)'`;
/** Actions built from a decision: `approval.${decision}`, `round.${decision}`, with every value they can take. */
const BUILT: Record<string, readonly string[]> = { approval: APPROVAL_DECISIONS, round: ROUND_DECISIONS };

/**
 * The journal actions the workflows and the worker write, found in their
 * source: `action: '…'` fields, the action argument of `journalEntry(…)`
 * (with its alternatives), the kit's ignored-session notes, and actions built
 * from a decision. A new action in the code shows up here without anyone
 * having to list it.
 */
function journalActions(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (code: string, file: string) => found.set(code, relative(ROOT, file));
  for (const file of [...sources(join(ROOT, 'workflows')), ...sources(join(ROOT, 'apps/worker/src'))]) {
    const text = readFileSync(file, 'utf8');
    for (const [, code] of text.matchAll(new RegExp(`action: ${CODE}`, 'g'))) add(code, file);
    for (const [, args] of text.matchAll(/journalEntry\(([\s\S]*?)\);/g)) {
      // Messages looked up for the note (`p.t('audit.…')`) are not actions.
      const withoutMessages = args.replace(/\bt\(\s*'[^']*'/g, '');
      for (const [, code] of withoutMessages.matchAll(new RegExp(CODE, 'g'))) add(code, file);
    }
    for (const [, code] of text.matchAll(new RegExp(String.raw`ignored\([^)]*${CODE}\)`, 'g'))) add(code, file);
    for (const [, prefix] of text.matchAll(/action: `([a-z]+)\.\$\{/g)) {
      if (!BUILT[prefix]) throw new Error(`${relative(ROOT, file)} builds actions "${prefix}.…" this test does not know how to list`);
      for (const value of BUILT[prefix]) add(`${prefix}.${value}`, file);
    }
    for (const [, prefix] of text.matchAll(/journalEntry\([^;]*?`([a-z]+)\.\$\{/g)) {
      if (!BUILT[prefix]) throw new Error(`${relative(ROOT, file)} builds actions "${prefix}.…" this test does not know how to list`);
      for (const value of BUILT[prefix]) add(`${prefix}.${value}`, file);
    }
  }
  return found;
}

const task = { target: '5b0e8d54-0000-4000-8000-000000000001', taskTitle: 'Position sur « agriculture » (révision 1)' };

/**
 * What each action's row holds, as its writer writes it: a new action must
 * say here what it carries (the test fails on an action without a row).
 */
const ROWS: Record<string, Omit<JournalRow, 'action'>> = {
  'participation.launched': { target: 'wto-round/x', oldValue: null, newValue: { kind: 'wto-round', phase: 'launched' } },
  'participation.phase': { target: 'wto-round/x', oldValue: { phase: 'launched' }, newValue: { phase: 'position-drafting' } },
  'participation.cancelled': { target: 'wto-round/x', oldValue: null, newValue: { status: 'cancelled', outcome: 'cancelled' } },
  'participation.closed': { target: 'wto-round/x', oldValue: null, newValue: { status: 'closed', outcome: 'concluded' } },
  'participation.continued': { target: 'wto-round/x', oldValue: null, newValue: { run: 2 } },
  'task.opened': {
    target: task.target,
    oldValue: null,
    newValue: { title: task.taskTitle, assigneeId: 'expert-tremblay', candidateGroup: null, dueAt: '2027-03-04T09:00:00.000Z' },
  },
  'task.delegated': {
    target: task.target,
    oldValue: { assigneeId: 'expert-tremblay' },
    newValue: { title: task.taskTitle, assigneeId: 'expert-nguyen', delegatedFrom: 'expert-tremblay' },
  },
  'task.completed': { ...task, oldValue: { status: 'open' }, newValue: { status: 'completed', deliverable: { summary: 'x' } } },
  'task.claimed': { ...task, oldValue: { status: 'open', assigneeId: null }, newValue: { status: 'claimed', assigneeId: 'expert-nguyen' } },
  'task.unclaimed': { ...task, oldValue: { status: 'claimed' }, newValue: { status: 'open', assigneeId: null } },
  'task.declined': { ...task, oldValue: { status: 'open' }, newValue: { status: 'declined' } },
  'task.reassigned': { ...task, oldValue: { assigneeId: 'expert-tremblay' }, newValue: { status: 'open', assigneeId: 'expert-nguyen' } },
  'task.rescheduled': { ...task, oldValue: { dueAt: '2027-03-04T09:00:00.000Z' }, newValue: { dueAt: '2027-03-11T09:00:00.000Z' } },
  'task.cancelled': { ...task, oldValue: { status: 'open' }, newValue: { status: 'cancelled' } },
  'task.reminder': { ...task, oldValue: {}, newValue: {} },
  'task.expired': { ...task, oldValue: { status: 'open' }, newValue: { status: 'expired' } },
  'task.overdue': { ...task, oldValue: { overdue: false }, newValue: { overdue: true } },
  'task.on-time': { ...task, oldValue: { overdue: true }, newValue: { overdue: false } },
  'federal.requested': { target: 'wto-round/x', oldValue: null, newValue: null },
  'federal.escalated': { target: 'coord-lavoie', oldValue: null, newValue: null },
  'federal.response': { target: 'wto-round/x', oldValue: null, newValue: { decision: 'granted' } },
  'approval.approve': { target: 'wto-round/x', oldValue: null, newValue: { phase: 'mandate-approval', round: 1, decision: 'approve' } },
  'approval.revise': { target: 'wto-round/x', oldValue: null, newValue: { phase: 'mandate-approval', round: 1, decision: 'revise' } },
  'approval.reject': { target: 'wto-round/x', oldValue: null, newValue: { phase: 'mandate-approval', round: 1, decision: 'reject' } },
  'round.next-round': { target: 'x', oldValue: null, newValue: { decision: 'next-round' } },
  'round.concluded': { target: 'x', oldValue: null, newValue: { decision: 'concluded' } },
  'round.suspended': { target: 'x', oldValue: null, newValue: { decision: 'suspended' } },
  'session.held': { target: 'x', oldValue: null, newValue: { key: 's1', date: '2027-03-01T09:00:00.000Z' } },
  'session.rescheduled': { target: 'x', oldValue: null, newValue: { key: 's1', date: '2027-03-08T09:00:00.000Z' } },
  'session.cancelled': { target: 'x', oldValue: null, newValue: { key: 's1' } },
  'session.reschedule-ignored': { target: 'x', oldValue: null, newValue: { key: 's9' } },
  'session.cancel-ignored': { target: 'x', oldValue: null, newValue: { key: 's9' } },
  'event.received': { target: 'x', oldValue: null, newValue: { eventId: 'e1', type: 'wto.session.scheduled', data: { sessionKey: 's2' } } },
  'event.ignored': { target: 'x', oldValue: null, newValue: { eventId: 'e1' } },
  'monitoring.paused': { target: 'x', oldValue: null, newValue: null },
  'monitoring.resumed': { target: 'x', oldValue: null, newValue: null },
  'intern.application': { target: 'x', oldValue: null, newValue: { internId: 'intern-2027-042' } },
  'intern.offer.declined': { target: 'x', oldValue: null, newValue: null },
  'intern.offer.expired': { target: 'x', oldValue: null, newValue: null },
  'agreement.renewed': { target: 'x', oldValue: null, newValue: { term: 2 } },
  'participation.linked': { target: 'x', oldValue: null, newValue: { workflowId: 'international-agreement/x-entente' } },
  'participation.link-exists': { target: 'x', oldValue: null, newValue: { workflowId: 'international-agreement/x-entente' } },
  'proposal.received': { target: 'x', oldValue: null, newValue: { code: 'water-quality' } },
};

describe('the timeline says every journal action in sentences, in French and in English', () => {
  const actions = journalActions();

  it('finds the journal actions in the code that writes them', () => {
    // A floor: if the search above stopped finding the usual writers, this says so.
    for (const known of ['task.opened', 'task.claimed', 'session.rescheduled', 'event.received', 'round.concluded', 'monitoring.paused']) {
      expect(actions.has(known)).toBe(true);
    }
  });

  it.each(['fr', 'en'] as const)('renders each one in %s, with no raw code and no unfilled placeholder', (locale) => {
    const problems: string[] = [];
    for (const [action, file] of actions) {
      const row = ROWS[action];
      if (!row) {
        problems.push(`${action} (${file}): no sample row in this test`);
        continue;
      }
      const sentence = describeJournalRow(messages, locale, { action, ...row });
      if (sentence === action || !messages.has(`action.${action}`)) problems.push(`${action} (${file}): said as its code`);
      if (/\{\w+\}/.test(sentence)) problems.push(`${action}: unfilled placeholder in "${sentence}"`);
      // Codes among the values (phases, decisions, outcomes) are said in words too.
      if (/\b(position-drafting|next-round|mandate-approval)\b/.test(sentence)) problems.push(`${action}: raw code in "${sentence}"`);
    }
    expect(problems).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('says in %s what each outside event is, never its type code', (locale) => {
    const said = EVENT_TYPES.map((type) =>
      describeJournalRow(messages, locale, { action: 'event.received', target: 'x', oldValue: null, newValue: { eventId: 'e1', type } }),
    );
    expect(said.filter((sentence, i) => sentence.includes(EVENT_TYPES[i]))).toEqual([]);
  });

  it('names the group of a task nobody holds yet, in both languages', () => {
    const row = { ...ROWS['task.opened'], action: 'task.opened' };
    const groupTask = { ...row, newValue: { ...row.newValue, assigneeId: null, candidateGroup: 'wto-experts' } };
    expect(describeJournalRow(messages, 'fr', groupTask)).toBe(
      'Tâche ouverte : Position sur « agriculture » (révision 1), pour le groupe wto-experts, échéance 2027-03-04 09:00 UTC',
    );
    expect(describeJournalRow(messages, 'en', groupTask)).toContain('assigned to the group wto-experts');
  });

  it('says the phases of a phase change and the decision of a round in words', () => {
    const phase = { ...ROWS['participation.phase'], action: 'participation.phase' };
    expect(describeJournalRow(messages, 'fr', phase)).toBe('Changement de phase : Lancement → Rédaction des positions');
    expect(describeJournalRow(messages, 'en', { ...ROWS['session.rescheduled'], action: 'session.rescheduled' })).toBe(
      'Session s1 moved to 2027-03-08 09:00 UTC',
    );
  });
});
