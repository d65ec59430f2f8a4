/**
 * A date as people read it in summaries and details: `2027-03-04 09:00 UTC`.
 * Plain string work on the ISO form, so it is deterministic in workflow code
 * and the same in every language.
 */
export function readableDate(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
