import {
  ACTOR_ROLES,
  CASE_STATUSES,
  CATEGORIES,
  CHANNELS,
  DEADLINE_SORTS,
  PARTY_KINDS,
  PARTY_ROLES,
  RISK_LEVELS,
  type ActorRole,
  type CaseStatus,
  type Category,
  type Channel,
  type DeadlineSort,
  type PartyKind,
  type PartyRole,
  type RiskLevel,
} from '@jiefen/flows';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../organizations/organization.entity.js';
import {
  PERFORMANCES,
  SATISFACTIONS,
  type Performance,
  type Satisfaction,
} from '../returnVisits/dto/record-return-visit.dto.js';

/**
 * The Chinese names of the contract's code tables, as docs/glossary.md gives them (a category is
 * named as the statistics tables do, 邻里纠纷). Typed by each table, so a new value without its
 * name does not compile. An integrator reading the OpenAPI document sees `neighbour — 邻里纠纷`.
 */
const CATEGORY_ZH: Record<Category, string> = {
  marriageFamily: '婚姻家庭纠纷',
  neighbour: '邻里纠纷',
  housingHomestead: '房屋宅基地纠纷',
  contract: '合同纠纷',
  business: '生产经营纠纷',
  damages: '损害赔偿纠纷',
  landForest: '山林土地纠纷',
  expropriation: '征地拆迁纠纷',
  environment: '环境污染纠纷',
  labour: '劳动争议',
  consumer: '消费纠纷',
  medical: '医疗纠纷',
  trafficAccident: '道路交通事故纠纷',
  property: '物业纠纷',
  other: '其他纠纷',
};

const CHANNEL_ZH: Record<Channel, string> = {
  walkIn: '来访',
  letter: '来信',
  phone: '来电',
  online: '网上申请',
  hotline12345: '12345热线',
  grid: '网格上报',
  police110: '110警情',
  petition: '信访转入',
  courtDelegation: '法院委派',
  departmentReferral: '部门移送',
};

const RISK_LEVEL_ZH: Record<RiskLevel, string> = { red: '红色', orange: '橙色', yellow: '黄色', none: '无' };
const PARTY_ROLE_ZH: Record<PartyRole, string> = { applicant: '申请人', respondent: '被申请人', thirdParty: '第三人' };
const PARTY_KIND_ZH: Record<PartyKind, string> = { person: '自然人', organization: '法人或其他组织' };
const ROLE_ZH: Record<ActorRole, string> = {
  reception: '受理窗口',
  mediator: '调解员',
  supervisor: '督导员',
  court: '法院',
  admin: '系统管理员',
};
const STATUS_ZH: Record<CaseStatus, string> = {
  open: '在办',
  resolved: '化解成功',
  unresolved: '未化解',
  withdrawn: '撤回',
  referred: '移交',
  notAccepted: '不予受理',
};
const DEADLINE_SORT_ZH: Record<DeadlineSort, string> = { limit: '期限', target: '办理时限', window: '申请期间' };

const SATISFACTION_ZH: Record<Satisfaction, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
};
const PERFORMANCE_ZH: Record<Performance, string> = {
  performed: '已履行',
  partlyPerformed: '部分履行',
  notPerformed: '未履行',
  notDue: '未到履行期',
};
const ORGANIZATION_KIND_ZH: Record<OrganizationKind, string> = {
  centre: '矛盾纠纷调处化解中心',
  governanceCentre: '综治中心',
  committee: '人民调解委员会',
  court: '人民法院',
  petitionOffice: '信访部门',
  department: '职能部门',
};

/** Each code table with its names; an enum in the document that is exactly one of these gets them. */
export const CODE_TABLES: readonly { values: readonly string[]; names: Record<string, string> }[] = [
  { values: CATEGORIES, names: CATEGORY_ZH },
  { values: CHANNELS, names: CHANNEL_ZH },
  { values: RISK_LEVELS, names: RISK_LEVEL_ZH },
  { values: PARTY_ROLES, names: PARTY_ROLE_ZH },
  { values: PARTY_KINDS, names: PARTY_KIND_ZH },
  { values: ACTOR_ROLES, names: ROLE_ZH },
  { values: CASE_STATUSES, names: STATUS_ZH },
  { values: DEADLINE_SORTS, names: DEADLINE_SORT_ZH },
  { values: SATISFACTIONS, names: SATISFACTION_ZH },
  { values: PERFORMANCES, names: PERFORMANCE_ZH },
  { values: ORGANIZATION_KINDS, names: ORGANIZATION_KIND_ZH },
];

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v) => b.includes(v));

/** The Chinese names of an enum's values, when the enum is one of the contract's code tables. */
export function chineseNamesOf(values: readonly unknown[]): string[] | undefined {
  if (!values.every((v): v is string => typeof v === 'string')) return undefined;
  const table = CODE_TABLES.find((t) => sameSet(t.values, values));
  return table ? values.map((v) => table.names[v]!) : undefined;
}

/** `neighbour — 邻里纠纷; contract — 合同纠纷; …`, for a schema's description. */
export const namedValues = (values: readonly string[], names: readonly string[]) =>
  values.map((v, i) => `${v} — ${names[i]}`).join('; ');
