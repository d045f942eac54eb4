import type { OrganizationKind, OrganizationLevel } from '../organizations/organization.entity.js';

/** Fixed ids, so the README's tour can name them. */
export const DEMO = {
  city: '00000000-0000-4000-8000-000000000001',
  xuanwu: '00000000-0000-4000-8000-000000000010',
  meiyuan: '00000000-0000-4000-8000-000000000011',
  xinjiekou: '00000000-0000-4000-8000-000000000012',
  qinhuai: '00000000-0000-4000-8000-000000000020',
  fuzimiao: '00000000-0000-4000-8000-000000000021',
  zhonghuamen: '00000000-0000-4000-8000-000000000022',
  meiyuanCommittee: '00000000-0000-4000-8000-000000000031',
  xuanwuCourt: '00000000-0000-4000-8000-000000000041',
  xuanwuPetitionOffice: '00000000-0000-4000-8000-000000000051',
} as const;

export interface DemoOrganization {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  level: OrganizationLevel;
}

/**
 * A city centre, two districts with two streets each, a people's
 * mediation committee, a basic court and a petition office.
 */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    id: DEMO.city,
    parentId: null,
    name: '金陵市社会矛盾纠纷调处化解中心',
    shortName: '金陵',
    kind: 'centre',
    level: 'city',
  },
  {
    id: DEMO.xuanwu,
    parentId: DEMO.city,
    name: '玄武区矛盾纠纷调处化解中心',
    shortName: '玄',
    kind: 'centre',
    level: 'district',
  },
  {
    id: DEMO.meiyuan,
    parentId: DEMO.xuanwu,
    name: '梅园新村街道矛盾纠纷调处化解中心',
    shortName: '玄梅',
    kind: 'centre',
    level: 'street',
  },
  {
    id: DEMO.xinjiekou,
    parentId: DEMO.xuanwu,
    name: '新街口街道矛盾纠纷调处化解中心',
    shortName: '玄新',
    kind: 'centre',
    level: 'street',
  },
  {
    id: DEMO.qinhuai,
    parentId: DEMO.city,
    name: '秦淮区矛盾纠纷调处化解中心',
    shortName: '秦',
    kind: 'centre',
    level: 'district',
  },
  {
    id: DEMO.fuzimiao,
    parentId: DEMO.qinhuai,
    name: '夫子庙街道矛盾纠纷调处化解中心',
    shortName: '秦夫',
    kind: 'centre',
    level: 'street',
  },
  {
    id: DEMO.zhonghuamen,
    parentId: DEMO.qinhuai,
    name: '中华门街道矛盾纠纷调处化解中心',
    shortName: '秦中',
    kind: 'centre',
    level: 'street',
  },
  {
    id: DEMO.meiyuanCommittee,
    parentId: DEMO.meiyuan,
    name: '梅园新村街道人民调解委员会',
    shortName: '玄梅',
    kind: 'committee',
    level: 'street',
  },
  {
    id: DEMO.xuanwuCourt,
    parentId: DEMO.xuanwu,
    name: '金陵市玄武区人民法院',
    shortName: '玄',
    kind: 'court',
    level: 'district',
  },
  {
    id: DEMO.xuanwuPetitionOffice,
    parentId: DEMO.xuanwu,
    name: '玄武区信访局',
    shortName: '玄',
    kind: 'petitionOffice',
    level: 'district',
  },
];

/** One demo user per role, at the demo organisations (README "A one-minute tour"). */
export const DEMO_USERS = [
  {
    id: '00000000-0000-4000-8000-0000000000a1',
    username: 'reception',
    displayName: '梅园新村街道接待员',
    role: 'reception',
    organizationId: DEMO.meiyuan,
  },
  {
    id: '00000000-0000-4000-8000-0000000000a2',
    username: 'mediator',
    displayName: '梅园新村人民调解员',
    role: 'mediator',
    organizationId: DEMO.meiyuanCommittee,
  },
  {
    id: '00000000-0000-4000-8000-0000000000a3',
    username: 'supervisor',
    displayName: '玄武区中心督办员',
    role: 'supervisor',
    organizationId: DEMO.xuanwu,
  },
  {
    id: '00000000-0000-4000-8000-0000000000a4',
    username: 'court',
    displayName: '玄武区法院立案法官',
    role: 'court',
    organizationId: DEMO.xuanwuCourt,
  },
  {
    id: '00000000-0000-4000-8000-0000000000a5',
    username: 'admin',
    displayName: '金陵市中心管理员',
    role: 'admin',
    organizationId: DEMO.city,
  },
  {
    id: '00000000-0000-4000-8000-0000000000a6',
    username: 'petition',
    displayName: '玄武区信访接待员',
    role: 'reception',
    organizationId: DEMO.xuanwuPetitionOffice,
  },
] as const;
