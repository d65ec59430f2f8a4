import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A labelled control with its help and its errors, tied together for screen
 * readers (`aria-describedby`, `aria-invalid` are set by the caller from `describedBy`).
 */
export function Field({
  id,
  label,
  required,
  help,
  errors,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  help?: string;
  errors?: string[];
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className={`field${errors?.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> ({t('common.required')})</span> : null}
      </label>
      {children}
      {help ? (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The `aria-describedby` of a control shown in a Field. */
export function describedBy(id: string, help?: string, errors?: string[]): string | undefined {
  const ids = [help ? `${id}-help` : '', errors?.length ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Turns a form path into an element id (`sessions.0.date` → `f-sessions-0-date`). */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
