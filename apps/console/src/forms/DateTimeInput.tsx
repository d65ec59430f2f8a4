import { fromLocalInputValue, toLocalInputValue } from '../i18n/format';

/** A date and time typed in the reader's time zone; the value kept is the UTC ISO instant the API stores. */
export function DateTimeInput({
  id,
  value,
  onChange,
  required,
  describedBy,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (iso: string) => void;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
  return (
    <input
      id={id}
      type="datetime-local"
      value={toLocalInputValue(value)}
      onChange={(event) => onChange(fromLocalInputValue(event.target.value))}
      required={required}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
    />
  );
}
