/// <reference lib="dom" />

/**
 * The inbox page's script, type-checked here and sent to the browser as
 * `(${inboxClient})()`: it must not use anything outside its own body.
 * Plain DOM, no framework: sign in with a token, list tasks, act, live updates.
 */
export function inboxClient(): void {
  type Task = {
    id: string;
    title: string;
    status: string;
    priority: string;
    dueAt: string;
    overdue: boolean;
    assigneeId: string | null;
    candidateGroup: string | null;
    instructions: string;
  };
  const t = JSON.parse(document.getElementById('i18n')?.textContent ?? '{}') as Record<string, string>;
  const lang = document.documentElement.lang;
  const say = (key: string, params: Record<string, string> = {}) =>
    (t[key] ?? key).replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? '');
  const $ = <E extends HTMLElement>(id: string) => document.getElementById(id) as E;
  let token = sessionStorage.getItem('inbox-token') ?? '';
  let me: { id: string; roles: string[] } = { id: '', roles: [] };
  let stream: AbortController | undefined;

  type ErrorBody = { message?: string; errors?: Array<{ message: string }> } | null;
  async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(path, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Accept-Language': lang, 'Content-Type': 'application/json' },
    });
    const body = (response.status === 204 ? null : await response.json()) as unknown;
    if (!response.ok) {
      const error = body as ErrorBody;
      throw new Error(error?.errors?.map((e) => e.message).join(' ') || error?.message);
    }
    return body as T;
  }

  function notice(text: string, isError = false): void {
    const el = $('notice');
    el.textContent = text;
    el.className = isError ? 'notice error' : 'notice';
  }

  function button(label: string, onClick: () => void): HTMLButtonElement {
    const b = document.createElement('button');
    b.textContent = label;
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  /** A small inline form under the task row: fields, then Send / Cancel. */
  function form(row: HTMLTableRowElement, fields: string[], send: (values: Record<string, string>) => Promise<unknown>) {
    document.querySelectorAll('tr.form').forEach((f) => f.remove());
    const formRow = document.createElement('tr');
    formRow.className = 'form';
    formRow.dataset.formFor = row.dataset.taskId;
    const cell = formRow.insertCell();
    cell.colSpan = 6;
    const inputs: Record<string, HTMLInputElement | HTMLTextAreaElement> = {};
    for (const field of fields) {
      const label = document.createElement('label');
      label.textContent = say(`inbox.field.${field}`);
      const input = field === 'notes' || field === 'summary' ? document.createElement('textarea') : document.createElement('input');
      input.name = field;
      label.appendChild(input);
      cell.appendChild(label);
      inputs[field] = input;
    }
    cell.appendChild(
      button(say('inbox.action.submit'), () => {
        const values = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.value]));
        send(values).then(
          () => notice(say('inbox.done')),
          (err: Error) => notice(err.message, true),
        );
      }),
    );
    cell.appendChild(button(say('inbox.action.cancel'), () => formRow.remove()));
    row.after(formRow);
  }

  function actionsFor(task: Task, row: HTMLTableRowElement): HTMLElement[] {
    const post = (verb: string, body: object = {}) =>
      api(`/tasks/${task.id}/${verb}`, { method: 'POST', body: JSON.stringify(body) }).then(load);
    const mine = task.assigneeId === me.id;
    const active = ['open', 'claimed', 'declined'].includes(task.status);
    const out: HTMLElement[] = [];
    if (!active) return out;
    if (task.status === 'open' && (task.assigneeId === null || mine))
      out.push(button(say('inbox.action.claim'), () => void post('claim').catch((e: Error) => notice(e.message, true))));
    if (task.status === 'claimed' && mine)
      out.push(button(say('inbox.action.unclaim'), () => void post('unclaim').catch((e: Error) => notice(e.message, true))));
    if (mine && task.status !== 'declined') {
      out.push(
        button(say('inbox.action.complete'), () =>
          form(row, ['summary', 'notes'], (v) => post('complete', { deliverable: { summary: v.summary, notes: v.notes || undefined } })),
        ),
      );
      out.push(button(say('inbox.action.decline'), () => form(row, ['reason'], (v) => post('decline', { reason: v.reason }))));
    }
    if (me.roles.includes('coordinator') || me.roles.includes('admin')) {
      out.push(
        button(say('inbox.action.reassign'), () =>
          form(row, ['assignee', 'reason'], (v) => post('reassign', { assigneeId: v.assignee, reason: v.reason })),
        ),
      );
    }
    return out;
  }

  async function load(): Promise<void> {
    const page = await api<{ items: Task[] }>('/tasks?status=open,claimed,declined&sort=dueAt&pageSize=100');
    const body = $('tasks').querySelector('tbody') as HTMLTableSectionElement;
    // A live update must not throw away what the person is typing: the open form is put back under its task.
    const openForm = body.querySelector<HTMLTableRowElement>('tr.form');
    body.replaceChildren();
    $('empty').hidden = page.items.length > 0;
    for (const task of page.items) {
      const row = body.insertRow();
      row.dataset.taskId = task.id;
      const title = row.insertCell();
      title.innerHTML = '<strong></strong><br><small></small>';
      (title.querySelector('strong') as HTMLElement).textContent = task.title;
      (title.querySelector('small') as HTMLElement).textContent = task.instructions;
      row.insertCell().textContent = say(`inbox.status.${task.status}`);
      row.insertCell().textContent = say(`inbox.priority.${task.priority}`);
      const due = row.insertCell();
      due.textContent = new Date(task.dueAt).toLocaleString(lang);
      if (task.overdue) due.insertAdjacentHTML('beforeend', ` <span class="overdue">${say('inbox.overdue')}</span>`);
      row.insertCell().textContent = task.assigneeId ?? say('inbox.group', { group: task.candidateGroup ?? '' });
      row.insertCell().append(...actionsFor(task, row));
      if (openForm && openForm.dataset.formFor === task.id) row.after(openForm);
    }
  }

  /** Server-sent events read with fetch, so the token travels in a header and not in the URL. */
  async function listen(): Promise<void> {
    stream?.abort();
    stream = new AbortController();
    try {
      const response = await fetch('/tasks/events', { headers: { Authorization: `Bearer ${token}` }, signal: stream.signal });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      $('live').textContent = say('inbox.live');
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (new TextDecoder().decode(value).includes('data:')) await load();
      }
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
    }
    $('live').textContent = say('inbox.offline');
    setTimeout(() => void listen(), 3000);
  }

  async function start(): Promise<void> {
    $('signin').hidden = Boolean(token);
    $('app').hidden = !token;
    if (!token) return;
    try {
      me = await api<typeof me>('/me');
      $('who').textContent = say('inbox.signedInAs', { id: me.id });
      await load();
      void listen();
    } catch (err) {
      notice((err as Error).message, true);
    }
  }

  $('signin').addEventListener('submit', (event) => {
    event.preventDefault();
    token = $<HTMLTextAreaElement>('token').value.trim();
    sessionStorage.setItem('inbox-token', token);
    void start();
  });
  $('signout').addEventListener('click', () => {
    sessionStorage.removeItem('inbox-token');
    token = '';
    stream?.abort();
    void start();
  });
  void start();
}
