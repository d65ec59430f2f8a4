import { ApiError, refusalKey } from '../api/api-error';
import { useI18n } from '../i18n/i18n';

/** A refusal in words: what it means, then the API's own reason (already in the reader's language). Never a bare status. */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const reason = error instanceof ApiError ? (error.body?.errors?.map((e) => e.message).join(' ') ?? error.body?.message) : undefined;
  return (
    <div className="notice error" role="alert">
      <strong>{t(refusalKey(error))}</strong>
      {reason ? <span> {reason}</span> : null}
    </div>
  );
}

export function Done({ text }: { text: string | null }) {
  return (
    <div className="notice ok" role="status">
      {text}
    </div>
  );
}
