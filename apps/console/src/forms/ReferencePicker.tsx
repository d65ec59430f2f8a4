import { useQuery } from '@tanstack/react-query';
import type { Page, ReferenceEntry } from '../api/types';
import { useConsole } from '../app/console-context';
import { useI18n } from '../i18n/i18n';

/**
 * A code from a reference list (`GET /reference/<list>`): a text box with the
 * list's entries as its suggestions (a native combobox: arrow keys move
 * through them, Enter picks, typing filters by code or name), each shown by
 * its name in the reader's language. The box holds the code itself, so that
 * typing a code still works while the list cannot be read.
 */
export function ReferencePicker(props: {
  id: string;
  list: string;
  value: string;
  onChange: (code: string) => void;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
}) {
  const { api } = useConsole();
  const { language } = useI18n();
  const entries = useQuery({
    queryKey: ['reference', props.list],
    queryFn: () => api.get<Page<ReferenceEntry>>(`/reference/${props.list}`, { pageSize: 500 }),
    retry: false,
    staleTime: 5 * 60_000,
  });
  const listId = `${props.id}-choices`;
  return (
    <>
      <input
        id={props.id}
        type="text"
        autoComplete="off"
        list={listId}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        required={props.required}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
      />
      <datalist id={listId}>
        {(entries.data?.items ?? []).map((entry) => (
          <option key={entry.code} value={entry.code}>
            {language === 'en' ? entry.nameEn : entry.nameFr}
          </option>
        ))}
      </datalist>
    </>
  );
}
