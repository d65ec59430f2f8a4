import request from 'supertest';
import type { HttpAs } from './test-stack';

/**
 * Requests to an API process at `baseUrl`, as a person whose development token
 * is in `tokens` (the coordinator by default), or with no token (`null`).
 */
export function remoteHttp(baseUrl: () => string, tokens: Map<string, string>): (as?: string | null) => HttpAs {
  return (as = 'coord-lavoie') => {
    const token = as === null ? undefined : tokens.get(as);
    if (as !== null && !token) throw new Error(`no token for ${as}`);
    const authed = (test: request.Test) => (token ? test.set('Authorization', `Bearer ${token}`) : test);
    const agent = () => request(baseUrl());
    return {
      get: (url) => authed(agent().get(url)),
      post: (url) => authed(agent().post(url)),
      patch: (url) => authed(agent().patch(url)),
      put: (url) => authed(agent().put(url)),
      delete: (url) => authed(agent().delete(url)),
      options: (url) => authed(agent().options(url)),
    };
  };
}

/** Development tokens for `people`, signed with the run's secret (the spawned API verifies them with it). */
export async function tokensFor(mint: (subject: string) => Promise<string>, people: string[]): Promise<Map<string, string>> {
  return new Map(await Promise.all(people.map(async (id) => [id, await mint(id)] as const)));
}
