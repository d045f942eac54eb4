// The benchmark has no dependencies of its own: it borrows the service's `pg` (the same driver and
// version the service uses), resolved from apps/api.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../apps/api/package.json', import.meta.url));
export const pg = require('pg');
