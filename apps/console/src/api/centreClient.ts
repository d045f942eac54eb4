import { ApiError } from './ApiError';
import { request, tokenStore } from './client';
import type {
  BulkReassignment,
  OrganizationChange,
  OrganizationPolicy,
  PolicyPeriod,
  ResolutionRate,
  ReturnVisit,
  ReturnVisitDue,
  ReturnVisitList,
  SupervisionBoard,
  User,
  UserRole,
} from './centreTypes';

type Query = Record<string, string | number | boolean | undefined>;

/** The centre's endpoints: administration, reports, supervision, return visits (same client, same 401 handling). */
export const centreApi = {
  users: () => request<User[]>('/users'),
  addUser: (body: {
    username: string;
    displayName: string;
    password: string;
    role: UserRole;
    organizationId: string;
  }) => request<User>('/users', { method: 'POST', body }),
  updateUser: (id: string, body: { role?: UserRole; organizationId?: string; disabled?: boolean }) =>
    request<User>(`/users/${id}`, { method: 'PATCH', body }),
  addOrganization: (body: Record<string, unknown>) => request<unknown>('/organizations', { method: 'POST', body }),
  updateOrganization: (id: string, body: { name?: string; shortName?: string; active?: boolean; note?: string }) =>
    request<unknown>(`/organizations/${id}`, { method: 'PATCH', body }),
  moveOrganization: (id: string, body: { parentId: string; note?: string }) =>
    request<unknown>(`/organizations/${id}/move`, { method: 'POST', body }),
  organizationPolicy: (id: string) => request<OrganizationPolicy>(`/organizations/${id}/policy`),
  setOrganizationPolicy: (id: string, policy: Record<string, PolicyPeriod>, note?: string) =>
    request<OrganizationPolicy>(`/organizations/${id}/policy`, {
      method: 'PUT',
      body: { policy, ...(note ? { note } : {}) },
    }),
  organizationHistory: (id: string) =>
    request<{ organizationId: string; items: OrganizationChange[] }>(`/organizations/${id}/history`),

  resolutionRate: (query: Query) => request<ResolutionRate>('/reports/resolution-rate', { query }),

  board: (query: Query) => request<SupervisionBoard>('/supervision/board', { query }),
  mediators: () => request<User[]>('/mediators'),
  reassign: (body: { fromMediatorId: string; toMediatorId: string; reason: string }) =>
    request<BulkReassignment>('/supervision/reassignments', { method: 'POST', body }),

  returnVisits: (caseId: string) => request<ReturnVisitList>(`/cases/${caseId}/return-visits`),
  recordReturnVisit: (caseId: string, version: number, body: Record<string, unknown>) =>
    request<ReturnVisit & { caseVersion: number }>(`/cases/${caseId}/return-visits`, {
      method: 'POST',
      body,
      headers: { 'If-Match': `"${version}"` },
    }),
  setCriminalRisk: (caseId: string, version: number, prevented: boolean, note?: string) =>
    request<{ caseId: string; criminalRiskPrevented: boolean; version: number }>(
      `/cases/${caseId}/criminal-risk-prevented`,
      {
        method: 'PUT',
        body: { prevented, ...(note ? { note } : {}) },
        headers: { 'If-Match': `"${version}"` },
      },
    ),
  returnVisitsDue: (query: Query) =>
    request<{ dueBefore: string; items: ReturnVisitDue[] }>('/return-visits/due', { query }),
};

/**
 * Downloads a file the API serves (an .xlsx report) with the session's token, and hands it to the
 * browser as a download; the name is the server's (Content-Disposition) or `fallbackName`.
 */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<string> {
  const url = new URL(`/api/v1${path}`, window.location.origin);
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  const token = tokenStore.get();
  const response = await fetch(url, {
    headers: {
      Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  });
  if (!response.ok) {
    // An expired or revoked token: let the client's own 401 path end the session (back to sign-in, drafts kept).
    if (response.status === 401) await request('/me').catch(() => undefined);
    const text = await response.text();
    throw new ApiError(response.status, text ? JSON.parse(text) : { status: response.status, code: 'HTTP_ERROR' });
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]!) : (plain?.[1] ?? fallbackName);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}
