import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { onSessionExpired } from './api/client';
import type { Me } from './api/types';
import { useSession } from './session/useSession';
import SignInView from './views/SignInView.vue';

/** Views per route; all but sign-in load on demand, so the first screen ships only what it shows. */
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'signIn', component: SignInView, meta: { public: true } },
    // Resolved by the guard below once the session is known: each role starts on its own page.
    { path: '/', name: 'home', component: SignInView },
    { path: '/queue', name: 'queue', component: () => import('./views/WorkQueueView.vue') },
    { path: '/cases/:id', name: 'case', component: () => import('./views/CaseView.vue'), props: true },
    { path: '/intake', name: 'intake', component: () => import('./views/IntakeView.vue') },
    { path: '/intake/:id/receipt', name: 'receipt', component: () => import('./views/ReceiptView.vue'), props: true },
    { path: '/admin/calendar', name: 'calendar', component: () => import('./views/CalendarYearsView.vue') },
    // The centre's pages (issue 16): 督办, 回访, 统计报表 (ECharts only in its own chunk), 管理.
    {
      path: '/supervision',
      name: 'supervision',
      component: () => import('./views/SupervisionView.vue'),
      meta: { may: (m: Me) => m.role === 'supervisor' },
    },
    {
      path: '/visits',
      name: 'visits',
      component: () => import('./views/ReturnVisitsView.vue'),
      meta: { may: (m: Me) => m.role === 'mediator' || m.role === 'supervisor' },
    },
    { path: '/reports', redirect: '/reports/mediation' },
    {
      path: '/reports/:kind',
      name: 'reports',
      component: () => import('./views/ReportsView.vue'),
      props: true,
      meta: { may: (m: Me) => m.permissions.readReports },
    },
    {
      path: '/admin/organizations',
      name: 'organizations',
      component: () => import('./views/OrganizationsView.vue'),
      meta: { may: (m: Me) => m.permissions.addOrganizations },
    },
    {
      path: '/admin/users',
      name: 'users',
      component: () => import('./views/UsersView.vue'),
      meta: { may: (m: Me) => m.permissions.manageUsers },
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

function homeOf(): string {
  const role = useSession().me.value?.role;
  if (role === 'reception') return '/intake';
  if (role === 'admin') return '/admin/calendar';
  if (role === 'supervisor') return '/supervision';
  return '/queue';
}

router.beforeEach(async (to: RouteLocationNormalized) => {
  if (to.meta.public) return true;
  if (!(await useSession().restore()))
    return { name: 'signIn', query: to.name === 'home' ? {} : { redirect: to.fullPath } };
  // A page the role has no use for (its API would refuse it) sends the user to their own start page.
  const may = to.meta.may as ((m: Me) => boolean) | undefined;
  if (may && !may(useSession().me.value!)) return homeOf();
  return to.name === 'home' ? homeOf() : true;
});

// A 401 on any call: back to sign-in, and then back here; the page's drafts stay in sessionStorage.
onSessionExpired(() => {
  useSession().expire();
  const current = router.currentRoute.value;
  if (!current.meta.public) void router.push({ name: 'signIn', query: { redirect: current.fullPath, expired: '1' } });
});
