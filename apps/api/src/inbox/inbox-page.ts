import { translate, type Locale, type MessageKey } from '@lib/contracts';
import { frInbox } from '@lib/contracts/i18n/fr/inbox';

const STYLE = `
  body { font: 15px/1.4 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d2733; }
  header { display: flex; gap: 1rem; align-items: baseline; justify-content: space-between; }
  table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
  th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #d5dbe3; vertical-align: top; }
  small { color: #5b6776; } .overdue { color: #b00020; font-weight: 600; }
  button { margin: 0 .25rem .25rem 0; } label { display: block; margin: .25rem 0; }
  textarea, input { display: block; width: 100%; max-width: 40rem; }
  .notice { min-height: 1.4em; color: #185c37; } .notice.error { color: #b00020; } #live { color: #5b6776; }`;

/** The inbox page's HTML in one language; its strings travel as JSON for the script. */
export function renderInboxPage(locale: Locale): string {
  const inboxKeys = Object.keys(frInbox) as MessageKey[];
  const strings = Object.fromEntries(inboxKeys.map((key) => [key, translate(locale, key)]));
  const say = (key: MessageKey) => escapeHtml(translate(locale, key));
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${say('inbox.title')}</title><style>${STYLE}</style></head>
<body>
<header><h1>${say('inbox.title')}</h1><span id="live"></span></header>
<form id="signin">
  <label>${say('inbox.tokenLabel')}<textarea id="token" rows="3" autocomplete="off"></textarea></label>
  <button type="submit">${say('inbox.signIn')}</button>
</form>
<main id="app" hidden>
  <p><span id="who"></span> <button type="button" id="signout">${say('inbox.signOut')}</button></p>
  <p id="notice" class="notice" role="status"></p>
  <table id="tasks"><thead><tr>
    <th>${say('inbox.col.task')}</th><th>${say('inbox.col.status')}</th><th>${say('inbox.col.priority')}</th>
    <th>${say('inbox.col.due')}</th><th>${say('inbox.col.assignee')}</th><th>${say('inbox.col.actions')}</th>
  </tr></thead><tbody></tbody></table>
  <p id="empty" hidden>${say('inbox.empty')}</p>
</main>
<script type="application/json" id="i18n">${JSON.stringify(strings).replace(/</g, '\\u003c')}</script>
<script src="/inbox/app.js"></script>
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
