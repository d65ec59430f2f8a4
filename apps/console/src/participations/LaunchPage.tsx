import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, placeErrors, type PlacedErrors } from '../api/api-error';
import { useConsole, useLabels, useMe } from '../app/console-context';
import {
  fieldPaths,
  initialValues,
  launchForms,
  toLaunchBody,
  type FormValues,
  type KindForm,
  type OpenApiDocument,
} from '../forms/launch-schema';
import { SchemaFields } from '../forms/SchemaForm';
import { useI18n } from '../i18n/i18n';
import { Refusal } from '../ui/Refusal';

/** The launch forms, one per kind, generated from the launch DTOs' OpenAPI schema. */
export function LaunchPage() {
  const { t } = useI18n();
  const { api } = useConsole();
  const labels = useLabels();
  const navigate = useNavigate();
  const { kind } = useParams();
  const schema = useQuery({ queryKey: ['openapi'], queryFn: () => api.get<OpenApiDocument>('/docs-json'), staleTime: Infinity });
  const forms = useMemo(() => (schema.data ? launchForms(schema.data) : []), [schema.data]);
  const form = forms.find((f) => f.kind === kind);
  return (
    <>
      <h1>{t('launch.title')}</h1>
      {schema.error ? <Refusal error={schema.error} /> : null}
      {schema.isLoading ? <p>{t('common.loading')}</p> : null}
      <div className="field">
        <label htmlFor="launch-kind">{t('launch.kind')}</label>
        <select id="launch-kind" value={kind ?? ''} onChange={(e) => void navigate(`/console/participations/new/${e.target.value}`)}>
          <option value="">{t('common.choose')}</option>
          {forms.map((f) => (
            <option key={f.kind} value={f.kind}>
              {labels.kind(f.kind)}
            </option>
          ))}
        </select>
      </div>
      {form ? <LaunchForm key={form.kind} form={form} /> : null}
    </>
  );
}

function LaunchForm({ form }: { form: KindForm }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const me = useMe();
  const navigate = useNavigate();
  const [values, setValues] = useState<FormValues>(() => initialValues(form.fields, { coordinatorId: me.id }));
  const [placed, setPlaced] = useState<PlacedErrors>({ byField: {}, general: [] });
  const launch = useMutation({
    mutationFn: () => api.post<{ id: string }>('/participations', toLaunchBody(form.kind, form.fields, values)),
    onSuccess: (result) => void navigate(`/console/participations/${result.id}`, { state: { notice: 'launch.launched' } }),
    onError: (error) => {
      const next = placeErrors(error instanceof ApiError ? error.body : null, fieldPaths(form.fields, values));
      setPlaced(next);
      // Take the reader to the first field to correct, or to the message above the form.
      const first = Object.keys(next.byField)[0];
      requestAnimationFrame(() => {
        const target = first
          ? document.getElementById(`f-${first.replace(/[^A-Za-z0-9_-]/g, '-')}`)
          : document.getElementById('launch-errors');
        target?.focus();
      });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPlaced({ byField: {}, general: [] });
    launch.mutate();
  };
  const hasFieldErrors = Object.keys(placed.byField).length > 0;
  return (
    <form onSubmit={submit} noValidate aria-describedby={launch.isError ? 'launch-errors' : undefined}>
      <div id="launch-errors" tabIndex={-1}>
        {launch.isError ? (
          <>
            {hasFieldErrors ? (
              <div className="notice error" role="alert">
                {t('launch.fix')}
              </div>
            ) : null}
            {placed.general.length > 0 || !hasFieldErrors ? <Refusal error={launch.error} /> : null}
          </>
        ) : null}
      </div>
      <SchemaFields fields={form.fields} values={values} onChange={setValues} errors={placed.byField} />
      <button type="submit" disabled={launch.isPending}>
        {t('launch.submit')}
      </button>
    </form>
  );
}
