import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { Page, Person } from '../api/types';
import { useConsole } from '../app/console-context';
import { useI18n } from '../i18n/i18n';

/**
 * Finds people in the directory (`GET /people?search=&role=`). The text box
 * holds the identifier itself, so that when the directory answers 404 (not
 * deployed yet) or nobody matches, typing the identifier still works.
 */
function usePeople(search: string, role: string | undefined) {
  const { api } = useConsole();
  return useQuery({
    queryKey: ['people', search, role],
    queryFn: () => api.get<Page<Person>>('/people', { search, role, pageSize: 8 }),
    enabled: search.trim().length >= 2,
    retry: false,
    staleTime: 60_000,
  });
}

interface PickerProps {
  id: string;
  label: string;
  role?: string;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
}

export function PersonPicker({ value, onChange, ...props }: PickerProps & { value: string; onChange: (id: string) => void }) {
  const people = usePeople(value, props.role);
  return (
    <div className="person-picker">
      <input
        id={props.id}
        type="text"
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required={props.required}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
      />
      <Suggestions label={props.label} query={people} exclude={[value]} onPick={(person) => onChange(person.id)} />
    </div>
  );
}

export function PersonListPicker({ value, onChange, ...props }: PickerProps & { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const people = usePeople(draft, props.role);
  const add = (id: string) => {
    const clean = id.trim();
    if (clean && !value.includes(clean)) onChange([...value, clean]);
    setDraft('');
  };
  return (
    <div className="person-picker">
      {value.length > 0 ? (
        <ul className="chips">
          {value.map((id) => (
            <li key={id}>
              {id}{' '}
              <button
                type="button"
                className="link"
                onClick={() => onChange(value.filter((v) => v !== id))}
                aria-label={t('people.removeOne', { id })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline">
        <input
          id={props.id}
          type="text"
          autoComplete="off"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add(draft);
            }
          }}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid || undefined}
        />
        <button type="button" onClick={() => add(draft)} disabled={!draft.trim()}>
          {t('common.add')}
        </button>
      </div>
      <Suggestions label={props.label} query={people} exclude={value} onPick={(person) => add(person.id)} />
    </div>
  );
}

function Suggestions({
  label,
  query,
  exclude,
  onPick,
}: {
  label: string;
  query: ReturnType<typeof usePeople>;
  exclude: string[];
  onPick: (person: Person) => void;
}) {
  const { t } = useI18n();
  const listId = useId();
  if (query.error instanceof ApiError && query.error.status === 404) {
    return <p className="help">{t('people.noDirectory')}</p>;
  }
  const items = (query.data?.items ?? []).filter((person) => !exclude.includes(person.id));
  if (!query.data || items.length === 0) return null;
  return (
    <ul className="suggestions" id={listId} aria-label={t('people.suggestions', { label })}>
      {items.map((person) => (
        <li key={person.id}>
          <button type="button" className="link" onClick={() => onPick(person)} aria-label={t('people.add', { name: person.displayName })}>
            {person.displayName}{' '}
            <span className="muted">
              ({person.id}
              {person.organization ? `, ${person.organization}` : ''})
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
