/** Every REST resource lives under this path; `/health` and `/docs` also answer at the root. */
export const API_PREFIX = 'api/v1';
