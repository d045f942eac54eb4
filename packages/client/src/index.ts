/**
 * @jiefen/client — a typed client of the Jiefen API. The types (`schema.ts`) are generated from the
 * API's OpenAPI document (`openapi.json`); the API's tests fail when either drifts from the service.
 *
 *   const api = createJiefenClient({ baseUrl: 'http://localhost:3000', token });
 *   const { data, error } = await api.POST('/api/v1/cases/{id}/events', {
 *   params: { path: { id } }, body: { type: 'application.accepted' } });
 */
import createFetchClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };
export type Schemas = components['schemas'];
export type CaseView = Schemas['CaseView'];
export type CaseIntake = Schemas['CaseIntake'];
export type CaseEvent = Schemas['CaseEvent'];
export type Problem = Schemas['Problem'];
export type JiefenClient = Client<paths>;

export interface JiefenClientOptions {
  /** Where the service runs, e.g. `http://localhost:3000` (the paths carry `/api/v1`). */
  baseUrl: string;
  /** The bearer token, or a function asked before each request (a token is short-lived). */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** Another `fetch` (tests, a proxy); default: the global one. */
  fetch?: typeof fetch;
}

/** A client whose paths, parameters, bodies and responses are those of the OpenAPI document. */
export function createJiefenClient(options: JiefenClientOptions): JiefenClient {
  const client = createFetchClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { token } = options;
  if (token) {
    client.use({
      async onRequest({ request }) {
        const value = typeof token === 'function' ? await token() : token;
        if (value) request.headers.set('Authorization', `Bearer ${value}`);
        return request;
      },
    });
  }
  return client;
}

/** Signs in (`auth.token`) and returns the bearer token, or throws with the problem's detail. */
export async function signIn(client: JiefenClient, username: string, password: string): Promise<string> {
  const { data, error } = await client.POST('/api/v1/auth/token', { body: { username, password } });
  if (!data) throw new Error(`sign-in failed: ${(error as Problem | undefined)?.detail ?? 'no answer'}`);
  return data.accessToken;
}
