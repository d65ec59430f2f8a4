import { useQuery } from '@tanstack/react-query';
import type { Person } from '../api/types';
import { useConsole } from '../app/console-context';
import { useI18n } from '../i18n/i18n';

/**
 * A person as people know them: their name from the directory (`GET /people/:id`,
 * cached for the session), their identifier in the tooltip. While the directory
 * answers, or when it refuses (a partner reads only their organization), the
 * identifier itself.
 */
export function PersonName({ id }: { id: string }) {
  const { api } = useConsole();
  const { data } = useQuery({
    queryKey: ['person', id],
    queryFn: () => api.get<Person>(`/people/${encodeURIComponent(id)}`),
    staleTime: 10 * 60_000,
    retry: false,
  });
  return data ? <span title={id}>{data.displayName}</span> : <>{id}</>;
}

/** Who holds a task: the assignee's name, or the group that shares it. */
export function TaskHolder({ assigneeId, candidateGroup }: { assigneeId?: string | null; candidateGroup?: string | null }) {
  const { t } = useI18n();
  return assigneeId ? <PersonName id={assigneeId} /> : <>{t('common.group', { group: candidateGroup ?? '?' })}</>;
}
