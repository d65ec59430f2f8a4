import { translate, type Locale, type MessageParams } from '@lib/contracts';
import type { NotifyMessage } from './notification-rules';

export interface ComposedMessage {
  subject: string;
  body: string;
  html: string;
}

/**
 * The texts of one notification in the recipient's language: greeting, the
 * event's own text, then the inbox link. The HTML part is the same text,
 * escaped, with the link clickable.
 */
export function composeMessage(
  locale: Locale,
  message: NotifyMessage,
  params: MessageParams & { name: string; link: string },
): ComposedMessage {
  const paragraphs = [
    translate(locale, 'notify.greeting', params),
    translate(locale, `notify.${message}.body`, params),
    translate(locale, 'notify.inbox', params),
    translate(locale, 'notify.signature'),
  ];
  const link = escapeHtml(params.link);
  const html = paragraphs
    .map((text) => `<p>${escapeHtml(text).replace(link, `<a href="${link}">${link}</a>`).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return {
    subject: translate(locale, `notify.${message}.subject`, params),
    body: paragraphs.join('\n\n'),
    html,
  };
}

/** A date as people read it in their language and the ministry's time zone. */
export function formatDate(locale: Locale, iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
