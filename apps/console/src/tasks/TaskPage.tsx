import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, placeErrors } from '../api/api-error';
import type { TaskItem } from '../api/types';
import { useConsole, useMe } from '../app/console-context';
import { DateTimeInput } from '../forms/DateTimeInput';
import { PersonPicker } from '../forms/PersonPicker';
import { useFieldLabel, useOptionLabel } from '../forms/SchemaForm';
import { useI18n } from '../i18n/i18n';
import { describedBy, Field } from '../ui/Field';
import { useDate } from '../ui/dates';
import { Done, Refusal } from '../ui/Refusal';
import {
  canComplete,
  canDecline,
  canClaim,
  commentsRequired,
  deliverableBody,
  isApprovalTask,
  taskFieldInputs,
  type TaskFieldInput,
} from './task-fields';
import { ClaimButtons } from './TaskActions';
import { TaskHolder } from '../ui/PersonName';

/** One task: its instructions and participation, and the form for what it asks, typed field by field. */
export function TaskPage() {
  const { id = '' } = useParams();
  const { t, maybe } = useI18n();
  const { api } = useConsole();
  const me = useMe();
  const date = useDate();
  const [notice, setNotice] = useState<string | null>(null);
  const task = useQuery({ queryKey: ['task', id], queryFn: () => api.get<TaskItem>(`/tasks/${id}`) });
  if (task.error) return <Refusal error={task.error} />;
  if (!task.data) return <p>{t('common.loading')}</p>;
  const item = task.data;
  const readsParticipations = me.roles.some((role) => ['coordinator', 'supervisor', 'admin', 'partner'].includes(role));
  return (
    <>
      <p>
        <Link to="/console/inbox">{t('task.back')}</Link>
      </p>
      <h1>{item.title}</h1>
      {notice ? <Done text={notice} /> : null}
      <dl className="facts">
        <dt>{t('col.status')}</dt>
        <dd>{maybe(`task.status.${item.status}`) ?? item.status}</dd>
        <dt>{t('col.assignee')}</dt>
        <dd>
          <TaskHolder assigneeId={item.assigneeId} candidateGroup={item.candidateGroup} />
        </dd>
        <dt>{t('col.due')}</dt>
        <dd className={item.overdue ? 'late' : undefined}>
          {date(item.dueAt)}
          {item.overdue ? ` (${t('common.overdue')})` : ''}
        </dd>
        <dt>{t('col.priority')}</dt>
        <dd>{maybe(`task.priority.${item.priority}`) ?? item.priority}</dd>
        <dt>{t('task.participation')}</dt>
        <dd>
          {readsParticipations ? <Link to={`/console/participations/${item.participationId}`}>{item.workflowId}</Link> : item.workflowId}
        </dd>
      </dl>
      <section aria-labelledby="instructions-title">
        <h2 id="instructions-title">{t('task.instructions')}</h2>
        <p className="instructions">{item.instructions}</p>
      </section>
      {item.deliverable?.summary ? (
        <section aria-labelledby="deliverable-title">
          <h2 id="deliverable-title">{t('task.deliverable')}</h2>
          <p>{item.deliverable.summary}</p>
        </section>
      ) : null}
      <div className="buttons">
        <ClaimButtons task={item} onDone={setNotice} />
      </div>
      {canClaim(item, me) ? <p>{t('task.claimFirst')}</p> : null}
      {canComplete(item, me) ? <CompleteForm task={item} onDone={() => setNotice(t('task.completed'))} /> : null}
      {canDecline(item, me) ? <DeclineForm task={item} onDone={() => setNotice(t('task.declined'))} /> : null}
      {!canComplete(item, me) && !canClaim(item, me) && !notice ? <p>{t('task.notYours')}</p> : null}
    </>
  );
}

function CompleteForm({ task, onDone }: { task: TaskItem; onDone: () => void }) {
  const { t } = useI18n();
  const label = useFieldLabel();
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const approval = isApprovalTask(task);
  const inputs = taskFieldInputs(task.requiredFields);
  // Half-typed values live here: a live refresh of the task above never resets them.
  const [fields, setFields] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const [notes, setNotes] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const complete = useMutation({
    mutationFn: () => api.post(`/tasks/${task.id}/complete`, deliverableBody(task, { summary, notes, fields })),
    onSuccess: async () => {
      onDone();
      await queryClient.invalidateQueries();
    },
  });
  const paths = ['deliverable.summary', 'deliverable.notes', ...inputs.map((i) => `deliverable.fields.${i.name}`), 'deliverable.fields'];
  const placed = complete.error instanceof ApiError ? placeErrors(complete.error.body, paths) : { byField: {}, general: [] };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (commentsRequired(task, fields) && !fields.comments?.trim()) {
      setLocalError(t('task.commentsRequired'));
      return;
    }
    setLocalError(null);
    complete.mutate();
  };
  return (
    <section aria-labelledby="complete-title">
      <h2 id="complete-title">{approval ? t('task.approval') : t('task.complete')}</h2>
      <form onSubmit={submit} noValidate>
        {inputs.length > 0 ? (
          <fieldset className="section">
            <legend>{t('task.requiredFields')}</legend>
            {inputs.map((input) => (
              <TaskField
                key={input.name}
                input={input}
                label={label(input.name)}
                value={fields[input.name] ?? ''}
                onChange={(value) => setFields({ ...fields, [input.name]: value })}
                errors={placed.byField[`deliverable.fields.${input.name}`]}
              />
            ))}
          </fieldset>
        ) : null}
        {approval ? (
          <Field id="task-comments" label={label('comments')} errors={localError ? [localError] : undefined}>
            <textarea
              id="task-comments"
              rows={4}
              value={fields.comments ?? ''}
              onChange={(e) => setFields({ ...fields, comments: e.target.value })}
              aria-describedby={describedBy('task-comments', undefined, localError ? [localError] : undefined)}
            />
          </Field>
        ) : (
          <Field id="task-summary" label={label('summary')} required errors={placed.byField['deliverable.summary']}>
            <textarea
              id="task-summary"
              name="summary"
              rows={4}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              required
              aria-describedby={describedBy('task-summary', undefined, placed.byField['deliverable.summary'])}
            />
          </Field>
        )}
        <Field id="task-notes" label={label('notes')}>
          <textarea id="task-notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        {complete.isError ? <Refusal error={complete.error} /> : null}
        <button type="submit" disabled={complete.isPending}>
          {approval ? t('common.send') : t('task.submit')}
        </button>
      </form>
    </section>
  );
}

function TaskField({
  input,
  label,
  value,
  onChange,
  errors,
}: {
  input: TaskFieldInput;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}) {
  const { t } = useI18n();
  const option = useOptionLabel();
  const id = `task-field-${input.name}`;
  const aria = describedBy(id, undefined, errors);
  if (input.type === 'yes-no' || input.type === 'choice') {
    const options = input.type === 'yes-no' ? ['yes', 'no'] : input.options;
    return (
      <fieldset className={`field radios${errors?.length ? ' has-error' : ''}`} aria-describedby={aria}>
        <legend>
          {label} <span className="required">({t('common.required')})</span>
        </legend>
        {options.map((o) => (
          <label key={o} className="check">
            <input type="radio" name={id} value={o} checked={value === o} onChange={() => onChange(o)} /> {option(o)}
          </label>
        ))}
        {errors?.length ? (
          <p className="field-error" id={`${id}-error`}>
            {errors.join(' ')}
          </p>
        ) : null}
      </fieldset>
    );
  }
  let control;
  if (input.type === 'person')
    control = (
      <PersonPicker id={id} label={label} value={value} onChange={onChange} required describedBy={aria} invalid={Boolean(errors?.length)} />
    );
  else if (input.type === 'date')
    control = <DateTimeInput id={id} value={value} onChange={onChange} required describedBy={aria} invalid={Boolean(errors?.length)} />;
  else
    control = (
      <input
        id={id}
        type="text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        aria-describedby={aria}
        aria-invalid={errors?.length ? true : undefined}
      />
    );
  return (
    <Field id={id} label={label} required errors={errors}>
      {control}
    </Field>
  );
}

function DeclineForm({ task, onDone }: { task: TaskItem; onDone: () => void }) {
  const { t } = useI18n();
  const label = useFieldLabel();
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const decline = useMutation({
    mutationFn: () => api.post(`/tasks/${task.id}/decline`, { reason }),
    onSuccess: async () => {
      onDone();
      await queryClient.invalidateQueries();
    },
  });
  return (
    <section aria-labelledby="decline-title">
      <h2 id="decline-title">
        <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('task.decline')}
        </button>
      </h2>
      {open ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            decline.mutate();
          }}
        >
          <Field id="decline-reason" label={label('reason')} required>
            <textarea id="decline-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />
          </Field>
          {decline.isError ? <Refusal error={decline.error} /> : null}
          <button type="submit" className="danger" disabled={decline.isPending}>
            {t('task.declineSubmit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
