import type { IncomingMessage, ServerResponse } from 'node:http';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON body parser's `verify`: a body that is not UTF-8 is refused (415,
 * "send JSON in UTF-8") before it is decoded, rather than stored with U+FFFD
 * in place of the bytes it could not read.
 */
export function requireUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer): void {
  try {
    utf8.decode(body);
  } catch {
    // An http-errors shape: the body parser passes it on with its status, and the exception filter says it in words.
    throw Object.assign(new Error('request body is not UTF-8'), {
      status: 415,
      statusCode: 415,
      expose: true,
      type: 'charset.unsupported',
    });
  }
}
