import { useI18n } from '../i18n/i18n';

/** Previous / next over a paged list, with where we are. */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page, pages, total })}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {t('common.next')}
      </button>
    </nav>
  );
}
