import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ParticipationDetail } from '../api/types';
import { useConsole } from '../app/console-context';
import { DateTimeInput } from '../forms/DateTimeInput';
import { PersonPicker } from '../forms/PersonPicker';
import { useFieldLabel, useOptionLabel } from '../forms/SchemaForm';
import { useI18n, type Translate } from '../i18n/i18n';
import { Done, Refusal } from '../ui/Refusal';
import type { ParticipationAction } from '../api/types';

interface Step {
  title: string;
  /** The API call of today for this action. */
  path: string;
  fields: Array<{ name: string; kind: 'choice' | 'text' | 'longtext' | 'datetime' | 'person'; options?: string[]; required?: boolean }>;
}

function stepOf(action: ParticipationAction, id: string, t: Translate): Step {
  const base = `/participations/${id}`;
  switch (action.kind) {
    case 'federal-response':
      return {
        title: t('action.federal'),
        path: `${base}/federal-response`,
        fields: [
          { name: 'decision', kind: 'choice', options: ['granted', 'refused'], required: true },
          { name: 'note', kind: 'longtext' },
        ],
      };
    case 'approval':
      return {
        title: t('action.approval'),
        path: `${base}/${action.endpoint}`,
        fields: [
          { name: 'decision', kind: 'choice', options: ['approve', 'revise', 'reject'], required: true },
          { name: 'comments', kind: 'longtext' },
        ],
      };
    case 'round-decision':
      return {
        title: t('action.round'),
        path: `${base}/round-decision`,
        fields: [
          { name: 'decision', kind: 'choice', options: ['next-round', 'concluded', 'suspended'], required: true },
          { name: 'summary', kind: 'longtext' },
        ],
      };
    case 'move-session':
      return {
        title: t('action.moveSession', { label: action.label }),
        path: `${base}/sessions/${encodeURIComponent(action.sessionKey)}/reschedule`,
        fields: [
          { name: 'date', kind: 'datetime', required: true },
          { name: 'reason', kind: 'text' },
        ],
      };
    case 'cancel-session':
      return {
        title: t('action.cancelSession', { label: action.label }),
        path: `${base}/sessions/${encodeURIComponent(action.sessionKey)}/cancel`,
        fields: [{ name: 'reason', kind: 'text', required: true }],
      };
    case 'pause-monitoring':
      return { title: t('action.pause'), path: `${base}/monitoring/pause`, fields: [{ name: 'note', kind: 'text' }] };
    case 'resume-monitoring':
      return { title: t('action.resume'), path: `${base}/monitoring/resume`, fields: [{ name: 'note', kind: 'text' }] };
    case 'reassign-task':
      return {
        title: t('action.reassign', { title: action.title }),
        path: `/tasks/${action.taskId}/reassign`,
        fields: [
          { name: 'assigneeId', kind: 'person', required: true },
          { name: 'reason', kind: 'text', required: true },
        ],
      };
    case 'close':
      return {
        title: t('action.close'),
        path: `${base}/close`,
        fields: [
          { name: 'outcome', kind: 'choice', options: ['concluded', 'suspended', 'withdrawn'], required: true },
          { name: 'summary', kind: 'longtext' },
        ],
      };
    case 'submit-proposal':
      return {
        title: t('action.proposal'),
        path: `${base}/proposals`,
        fields: [
          { name: 'code', kind: 'text', required: true },
          { name: 'title', kind: 'text', required: true },
          { name: 'theme', kind: 'choice', options: action.themes, required: true },
          { name: 'summary', kind: 'longtext', required: true },
        ],
      };
    case 'cancel':
      return { title: t('action.cancel'), path: `${base}/cancel`, fields: [{ name: 'reason', kind: 'longtext', required: true }] };
  }
}

const keyOf = (action: ParticipationAction) =>
  'sessionKey' in action ? `${action.kind}:${action.sessionKey}` : 'taskId' in action ? `${action.kind}:${action.taskId}` : action.kind;

/** The buttons of the actions valid now; each opens its small form and sends today's API call. */
export function ActionPanel({ participation }: { participation: ParticipationDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  // The step done, kept as its action so that its words follow a change of language.
  const [done, setDone] = useState<ParticipationAction | null>(null);
  const actions = participation.actions ?? [];
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('detail.actions')}</h2>
      {done ? <Done text={`${stepOf(done, participation.id, t).title} — ${t('common.accepted')}`} /> : null}
      {actions.length === 0 ? <p>{t('detail.noActions')}</p> : null}
      <ul className="actions">
        {actions.map((action) => {
          const key = keyOf(action);
          const step = stepOf(action, participation.id, t);
          return (
            <li key={key}>
              <button
                type="button"
                className={action.kind === 'cancel' ? 'danger' : undefined}
                aria-expanded={open === key}
                onClick={() => setOpen(open === key ? null : key)}
              >
                {step.title}
              </button>
              {open === key ? (
                <StepForm
                  id={key}
                  step={step}
                  defaults={action.kind === 'move-session' ? { date: action.date } : {}}
                  onDone={() => {
                    setOpen(null);
                    setDone(action);
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function StepForm({ id, step, defaults, onDone }: { id: string; step: Step; defaults: Record<string, string>; onDone: () => void }) {
  const { t } = useI18n();
  const fieldLabel = useFieldLabel();
  const option = useOptionLabel();
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(defaults);
  const send = useMutation({
    mutationFn: () => api.post(step.path, Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''))),
    onSuccess: async () => {
      onDone();
      await queryClient.invalidateQueries();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const set = (name: string) => (value: string) => setValues({ ...values, [name]: value });
  const fid = (name: string) => `${id.replace(/[^A-Za-z0-9_-]/g, '-')}-${name}`;
  return (
    <form className="step" onSubmit={submit} aria-label={step.title}>
      {step.fields.map((field) => {
        const label = fieldLabel(field.name) + (field.required ? ` (${t('common.required')})` : '');
        let control: ReactNode;
        if (field.kind === 'choice') {
          control = (
            <select
              id={fid(field.name)}
              value={values[field.name] ?? ''}
              onChange={(e) => set(field.name)(e.target.value)}
              required={field.required}
            >
              <option value="">{t('common.choose')}</option>
              {field.options?.map((o) => (
                <option key={o} value={o}>
                  {option(o)}
                </option>
              ))}
            </select>
          );
        } else if (field.kind === 'datetime') {
          control = (
            <DateTimeInput id={fid(field.name)} value={values[field.name] ?? ''} onChange={set(field.name)} required={field.required} />
          );
        } else if (field.kind === 'person') {
          control = (
            <PersonPicker
              id={fid(field.name)}
              label={label}
              role="expert"
              value={values[field.name] ?? ''}
              onChange={set(field.name)}
              required={field.required}
            />
          );
        } else if (field.kind === 'longtext') {
          control = (
            <textarea
              id={fid(field.name)}
              rows={3}
              value={values[field.name] ?? ''}
              onChange={(e) => set(field.name)(e.target.value)}
              required={field.required}
            />
          );
        } else {
          control = (
            <input
              id={fid(field.name)}
              type="text"
              value={values[field.name] ?? ''}
              onChange={(e) => set(field.name)(e.target.value)}
              required={field.required}
            />
          );
        }
        return (
          <div className="field" key={field.name}>
            <label htmlFor={fid(field.name)}>{label}</label>
            {control}
          </div>
        );
      })}
      {send.isError ? <Refusal error={send.error} /> : null}
      <button type="submit" disabled={send.isPending}>
        {t('common.send')}
      </button>
    </form>
  );
}
