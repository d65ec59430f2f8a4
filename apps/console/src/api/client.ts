import { ApiError, type ApiErrorBody } from './api-error';

export interface Api {
  get: <T>(path: string, query?: Record<string, string | number | boolean | undefined>) => Promise<T>;
  post: <T>(path: string, body?: unknown) => Promise<T>;
  delete: (path: string) => Promise<void>;
  /** A GET answered as text of another type (`text/csv`), for a download. */
  text: (path: string, accept: string, query?: Record<string, string | number | boolean | undefined>) => Promise<string>;
  /** The task stream (server-sent events), read with fetch so the token travels in a header, not the URL. */
  stream(path: string, onMessage: (data: string) => void, signal: AbortSignal): Promise<void>;
}

/** Calls the API as the signed-in person, in the reader's language; any non-2xx answer becomes an ApiError. */
export function createApi(base: string, token: () => string | null, language: () => string): Api {
  const headers = (): Record<string, string> => {
    const current = token();
    return {
      Accept: 'application/json',
      'Accept-Language': language(),
      ...(current ? { Authorization: `Bearer ${current}` } : {}),
    };
  };
  const url = (path: string, query?: Record<string, string | number | boolean | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
    const search = params.toString();
    return `${base}${path}${search ? `?${search}` : ''}`;
  };
  const send = async <T>(method: string, path: string, body?: unknown, query?: Record<string, string | number | boolean | undefined>) => {
    let response: Response;
    try {
      response = await fetch(url(path, query), {
        method,
        headers: { ...headers(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, null);
    }
    const text = await response.text();
    const json = text ? safeJson(text) : null;
    if (!response.ok) throw new ApiError(response.status, (json as ApiErrorBody | null) ?? null);
    return json as T;
  };
  return {
    get: (path, query) => send('GET', path, undefined, query),
    post: (path, body) => send('POST', path, body ?? {}),
    delete: async (path) => {
      await send('DELETE', path);
    },
    text: async (path, accept, query) => {
      let response: Response;
      try {
        response = await fetch(url(path, query), { headers: { ...headers(), Accept: accept } });
      } catch {
        throw new ApiError(0, null);
      }
      const text = await response.text();
      if (!response.ok) throw new ApiError(response.status, (safeJson(text) as ApiErrorBody | null) ?? null);
      return text;
    },
    stream: async (path, onMessage, signal) => {
      const response = await fetch(url(path), { headers: { ...headers(), Accept: 'text/event-stream' }, signal });
      if (!response.ok || !response.body) throw new ApiError(response.status, null);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('\n');
          if (data) onMessage(data);
        }
      }
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
