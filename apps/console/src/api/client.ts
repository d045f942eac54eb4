import { ApiError } from './ApiError';
import type {
  CalendarYearSummary,
  CaseDetail,
  CaseEventItem,
  CaseListItem,
  CaseDocument,
  DeadlineListItem,
  Flow,
  FlowSummary,
  LinkableCase,
  Me,
  OrganizationNode,
} from './types';

/** The one place the console talks HTTP: the public REST API under /api/v1, bearer token from the session. */
const BASE = '/api/v1';
const TOKEN_KEY = 'jiefen.token';

type Listener = () => void;
const expiredListeners = new Set<Listener>();

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Called when a signed-in request answers 401: the session expired or was revoked. */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Sign-in itself: a 401 is a wrong password, not an expired session. */
  anonymous?: boolean;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(`${BASE}${path}`, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {}))
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  const token = tokenStore.get();
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token && !options.anonymous ? { Authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && !options.anonymous) {
      tokenStore.clear();
      expiredListeners.forEach((listener) => listener());
    }
    throw new ApiError(response.status, body ?? { status: response.status, code: 'HTTP_ERROR' });
  }
  return body as T;
}

/** A PDF (or other file) as the service archived it, for a download or the print dialog. */
async function requestFile(path: string, query: Record<string, string | undefined>): Promise<Blob> {
  const url = new URL(`${BASE}${path}`, window.location.origin);
  for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
  const token = tokenStore.get();
  const response = await fetch(url, {
    headers: {
      Accept: 'application/pdf, application/problem+json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  });
  if (!response.ok) {
    const text = await response.text();
    if (response.status === 401) {
      tokenStore.clear();
      expiredListeners.forEach((listener) => listener());
    }
    throw new ApiError(response.status, text ? JSON.parse(text) : { status: response.status, code: 'HTTP_ERROR' });
  }
  return response.blob();
}

export const api = {
  signIn: (username: string, password: string) =>
    request<{ accessToken: string; expiresIn: number }>('/auth/token', {
      method: 'POST',
      body: { username, password },
      anonymous: true,
    }),
  me: () => request<Me>('/me'),
  flows: () => request<FlowSummary[]>('/flows'),
  flow: (id: string) => request<Flow>(`/flows/${encodeURIComponent(id)}`),
  organizations: () => request<OrganizationNode[]>('/organizations'),
  cases: (query: Record<string, string | number | boolean | undefined>) =>
    request<{ items: CaseListItem[]; nextCursor: string | null }>('/cases', { query }),
  deadlines: (query: Record<string, string | number | undefined>) =>
    request<{ items: DeadlineListItem[] }>('/deadlines', { query }),
  case: (id: string) => request<CaseDetail>(`/cases/${id}`),
  caseEvents: (id: string) => request<{ items: CaseEventItem[] }>(`/cases/${id}/events`),
  openCase: (intake: Record<string, unknown>) => request<CaseDetail>('/cases', { method: 'POST', body: intake }),
  sendEvent: (id: string, version: number, type: string, payload: Record<string, unknown>) =>
    request<CaseDetail>(`/cases/${id}/events`, {
      method: 'POST',
      body: { type, payload },
      headers: { 'If-Match': `"${version}"` },
    }),
  revealPersonalData: (caseId: string, partyId: string, reason: string) =>
    request<{ idNumber: string | null; phone: string | null; ethnicity?: string }>(
      `/cases/${caseId}/parties/${encodeURIComponent(partyId)}/personal-data`,
      { method: 'POST', body: { reason } },
    ),
  linkableCase: (caseNumber: string) => request<LinkableCase>('/linkable-cases', { query: { caseNumber } }),
  documents: (caseId: string) => request<{ items: CaseDocument[] }>(`/cases/${caseId}/documents`),
  /** 更正: a new document replacing an issued one, from the current case data; pending until produced. */
  correctDocument: (caseId: string, documentId: string, version: number, reason: string) =>
    request<CaseDocument & { caseVersion: number }>(`/cases/${caseId}/documents/${documentId}/corrections`, {
      method: 'POST',
      body: { reason },
      headers: { 'If-Match': `"${version}"` },
    }),
  documentFile: (caseId: string, documentId: string, reason: string) =>
    requestFile(`/cases/${caseId}/documents/${documentId}`, { reason }),
  dossierFile: (caseId: string, reason: string) => requestFile(`/cases/${caseId}/dossier`, { reason }),
  calendarYears: () => request<{ years: CalendarYearSummary[]; bundledSource: string }>('/calendar/years'),
  calendarYear: (year: number) =>
    request<CalendarYearSummary & { holidays: Record<string, string>; makeUpWorkdays: Record<string, string> }>(
      `/calendar/years/${year}`,
    ),
  loadCalendarYear: (year: number, body: Record<string, unknown>) =>
    request<unknown>(`/calendar/years/${year}`, { method: 'PUT', body }),
};
