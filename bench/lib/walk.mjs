// Realistic case templates: each is one case driven through its flow by the real flows library
// (startCase / sendEvent, as the service's runner calls them), from an opening date to "now", with
// the engine's `deadline.expired` fired whenever a deadline falls due, as the scheduler would.
// Events are picked at random among those the current state allows, with payloads built from the
// flows' own payload specs; an event the flow refuses is simply not taken. The result is stored as
// the service stores it (personal data protected by the service's own code, columns derived by
// its own `columnsOf`), so that a case cloned from a template is one the service can read and drive.
import { apiDist, flowsDist } from './paths.mjs';

const flows = await import(new URL('index.js', flowsDist).href);
const { protectCase } = await import(new URL('security/personalData.js', apiDist).href);
const { DataProtection } = await import(new URL('security/dataProtection.js', apiDist).href);
const { columnsOf } = await import(new URL('cases/caseRow.js', apiDist).href);

/** Placeholder ids in templates, replaced per case by the generator. */
export const PLACEHOLDER = {
  organization: '00000000-0000-4000-8000-00000000f001',
  court: '00000000-0000-4000-8000-00000000f002',
  user: '00000000-0000-4000-8000-00000000f003',
};

/**
 * Who handles what (shares of all cases): people's mediation at committees mostly, some at
 * community centres (whose 7-day resolution target makes cases overdue); administrative mediation
 * at departments; court referrals and court-delegated mediation at street committees; judicial
 * confirmation at courts; petitions at petition offices.
 */
export const PROFILES = [
  { key: 'pm-committee', flow: 'people-mediation', orgs: 'committee', share: 0.5, opener: 'mediator' },
  {
    key: 'pm-centre',
    flow: 'people-mediation',
    orgs: 'communityCentre',
    share: 0.1,
    opener: 'reception',
    target: { length: 7, unit: 'day', basis: 'centre policy: community level (cfg)' },
  },
  { key: 'administrative', flow: 'administrative-mediation', orgs: 'department', share: 0.1, opener: 'reception' },
  { key: 'referral', flow: 'court-referral', orgs: 'streetCommittee', share: 0.08, opener: 'mediator' },
  { key: 'delegated', flow: 'delegated-mediation', orgs: 'streetCommittee', share: 0.07, opener: 'court' },
  { key: 'confirmation', flow: 'judicial-confirmation', orgs: 'court', share: 0.05, opener: 'court' },
  { key: 'petition', flow: 'petition', orgs: 'petitionOffice', share: 0.1, opener: 'reception' },
];

const CATEGORIES = [
  ['neighbour', 18],
  ['marriageFamily', 16],
  ['housingHomestead', 7],
  ['contract', 9],
  ['business', 3],
  ['damages', 9],
  ['landForest', 3],
  ['expropriation', 2],
  ['environment', 2],
  ['labour', 9],
  ['consumer', 7],
  ['medical', 3],
  ['trafficAccident', 6],
  ['property', 4],
  ['other', 2],
];
const SUMMARIES = {
  neighbour: ['楼上卫生间漏水，双方就维修费用发生纠纷', '相邻通道堵塞，影响通行', '装修噪音扰民引发争执'],
  marriageFamily: ['离婚后子女抚养费给付纠纷', '赡养老人费用分担纠纷', '家庭财产分割争议'],
  housingHomestead: ['宅基地界址争议', '房屋租赁押金退还纠纷'],
  contract: ['装修合同工程款纠纷', '买卖合同货款拖欠'],
  business: ['合伙经营利润分配纠纷'],
  damages: ['宠物咬伤赔偿纠纷', '高空坠物致车辆受损'],
  landForest: ['承包地边界争议'],
  expropriation: ['征收补偿款分配争议'],
  environment: ['餐饮油烟扰民'],
  labour: ['拖欠农民工工资', '工伤待遇争议', '解除劳动合同经济补偿争议'],
  consumer: ['预付卡退费纠纷', '网购商品质量争议'],
  medical: ['手术后遗症赔偿争议'],
  trafficAccident: ['电动自行车与行人相撞赔偿纠纷', '车辆追尾损失赔偿'],
  property: ['物业费收取争议', '小区停车位使用纠纷'],
  other: ['其他民间纠纷'],
};
const CHANNELS = [
  ['walkIn', 40],
  ['phone', 10],
  ['online', 12],
  ['hotline12345', 14],
  ['grid', 12],
  ['police110', 6],
  ['letter', 3],
  ['departmentReferral', 3],
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌浩宇欣怡子涵梓轩雨桐'.split('');
const TEXT = [
  '双方到场陈述意见，调解员释法说理。',
  '已电话联系当事人，约定下次调解时间。',
  '经核实，情况属实。',
  '当事人补充提交了相关材料。',
  '同意继续调解。',
];

const NEGATIVE = new RegExp(
  'rejected|refused|withdrawn|terminated|dismissed|failed|unreachable|objected|declined|routedToLegal|lawsuit|' +
    'defaulted|recused|suspected|closed',
);
const RECORD =
  /recorded|supervised|answered|extended|supplement|materials|appraisal|cleared|requested|provided|hearing/;
function weightOf(type) {
  if (NEGATIVE.test(type)) return 0.2;
  if (type === 'session.recorded' || type === 'followUp.recorded') return 20;
  if (RECORD.test(type)) return 3;
  return 4;
}

/** Events the walk never sends itself: those needing other organisations or other cases. */
const EXCLUDED = new Set([
  'case.escalated',
  'case.assigned',
  'case.transferred',
  'mediation.delegated',
  'mediation.referred',
  'deadline.expired',
  'mediation.concluded',
]);

export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];
function weighted(r, pairs) {
  const total = pairs.reduce((a, [, w]) => a + w, 0);
  let x = r() * total;
  for (const [value, w] of pairs) if ((x -= w) < 0) return value;
  return pairs.at(-1)[0];
}

export function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A resident ID number with a valid GB 11643 check character. */
export function idNumber(r) {
  const region = pick(r, ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115']);
  const birth = addDays('1950-01-01', Math.floor(r() * 365 * 55)).replaceAll('-', '');
  const body = `${region}${birth}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

function personName(r) {
  return pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : '');
}

function intakeFor(profile, r, today) {
  const category =
    profile.flow === 'administrative-mediation'
      ? pick(r, ['trafficAccident', 'consumer', 'medical', 'damages'])
      : weighted(r, CATEGORIES);
  const parties = [];
  const count = r() < 0.8 ? 2 : 3;
  for (let i = 0; i < count; i++) {
    const organization = i === 1 && r() < 0.15;
    parties.push(
      organization
        ? {
            role: 'respondent',
            kind: 'organization',
            name: `${pick(r, ['金陵', '玄武', '秦淮'])}${pick(r, ['物业', '建材', '餐饮', '商贸'])}有限公司`,
            creditCode: '91320100MA1MXXXX0X'.replace(/X/g, '0'),
          }
        : {
            role: i === 0 ? 'applicant' : i === 1 ? 'respondent' : 'thirdParty',
            kind: 'person',
            name: personName(r),
            idNumber: idNumber(r),
            phone: `13${Math.floor(100000000 + r() * 899999999)}`,
            ...(r() < 0.3 ? { address: '金陵市玄武区某某路某号' } : {}),
          },
    );
  }
  for (const p of parties) if (p.creditCode && !flows.isCreditCode(p.creditCode)) delete p.creditCode;
  // Judicial confirmation: every party bound by the agreement applies, together.
  if (profile.flow === 'judicial-confirmation') for (const p of parties) p.role = 'applicant';
  const intake = {
    category,
    summary: pick(r, SUMMARIES[category]),
    parties,
    channel:
      profile.flow === 'delegated-mediation'
        ? 'courtDelegation'
        : profile.flow === 'petition'
          ? 'petition'
          : weighted(r, CHANNELS),
    organizationId: PLACEHOLDER.organization,
    receivedOn: today,
    riskLevel: weighted(r, [
      ['none', 80],
      ['yellow', 14],
      ['orange', 5],
      ['red', 1],
    ]),
    ...(r() < 0.4 ? { amount: `${Math.floor(500 + r() * 50000)}.00` } : {}),
  };
  const flow = flows.getFlow(profile.flow);
  const ctx = { r, today, partyIds: parties.map((_, i) => `p${i + 1}`) };
  const administrative = profile.flow === 'administrative-mediation';
  for (const [name, spec] of Object.entries(flow.intake)) {
    if (name === 'courtId') intake.courtId = PLACEHOLDER.court;
    else if (administrative && kindOf(spec) === 'boolean') intake[name] = true;
    else if (administrative && kindOf(spec) === 'date') intake[name] = addDays(today, -2);
    else if (isOptional(spec) && name !== 'agreement' && r() < 0.5) continue;
    else if (name === 'appliedOn') intake.appliedOn = today;
    else if (name === 'agreement') {
      // An application for judicial confirmation carries the agreement it is about, binding the parties named.
      intake.agreement = {
        effectiveOn: addDays(today, -Math.floor(1 + r() * 20)),
        subject: weighted(r, [
          ['propertyObligation', 8],
          ['familyProperty', 2],
          ['other', 1],
        ]),
        boundParties: parties.map((p) => ({
          name: p.name,
          ...(p.idNumber ? { idNumber: p.idNumber } : {}),
          ...(p.creditCode ? { creditCode: p.creditCode } : {}),
        })),
        terms: [
          {
            obligorPartyId: 'p2',
            description: '分期支付赔偿款',
            amount: `${Math.floor(1000 + r() * 40000)}.00`,
            dueOn: addDays(today, 30 + Math.floor(r() * 60)),
          },
        ],
      };
    } else intake[name] = valueFor(spec, name, ctx);
  }
  return intake;
}

/** A payload schema (JSON Schema built with TypeBox, packages/flows/src/schema.ts) as the kind of value it takes. */
function kindOf(spec) {
  if (spec.type !== 'string') return spec.type;
  if (spec.enum) return 'enum';
  if (spec.format === 'date') return 'date';
  return spec.pattern === flows.DECIMAL_PATTERN ? 'decimal' : 'string';
}

/** TypeBox marks an optional field with a non-enumerable `~optional`. */
const isOptional = (spec) => spec['~optional'] === true;

/** A value for a payload field, from its spec and its name. */
function valueFor(spec, name, ctx) {
  const { r, today, partyIds } = ctx;
  switch (kindOf(spec)) {
    case 'string': {
      if (spec.format === 'idNumber') return idNumber(r);
      if (spec.format === 'creditCode') return undefined;
      if (spec.format === 'phone') return '13800138000';
      if (/partyId$/i.test(name)) return pick(r, partyIds);
      if (/mediatorId$/i.test(name)) return PLACEHOLDER.user;
      if (/courtId$/i.test(name)) return PLACEHOLDER.court;
      if (/OrganizationId$|committeeId$/i.test(name)) return PLACEHOLDER.organization;
      if (/name$/i.test(name)) return personName(r);
      if (/reference$/i.test(name)) return `（2025）苏0102民诉前调${Math.floor(r() * 9000 + 1000)}号`;
      return pick(r, TEXT).slice(0, spec.maxLength);
    }
    case 'enum':
      return pick(r, spec.enum);
    case 'date':
      return /due|until|end|deadline/i.test(name) ? addDays(today, 15 + Math.floor(r() * 45)) : today;
    case 'integer':
      return Math.min(spec.maximum, Math.max(spec.minimum, pick(r, [spec.minimum, 10, 15, 30])));
    case 'decimal':
      return pick(r, ['3000.00', '12800.00', '560.50', '45000.00']);
    case 'boolean':
      return r() < 0.85;
    case 'array': {
      if (kindOf(spec.items) === 'string' && /PartyIds$/i.test(name)) return [...partyIds];
      const n = Math.max(spec.minItems ?? 0, 1);
      return Array.from({ length: n }, () => valueFor(spec.items, name.replace(/s$/, ''), ctx)).filter(
        (v) => v !== undefined,
      );
    }
    case 'object': {
      const value = {};
      for (const [field, child] of Object.entries(spec.properties)) {
        if (isOptional(child) && field !== 'signatures' && r() < 0.5) continue;
        const v = valueFor(child, field, ctx);
        if (v !== undefined) value[field] = v;
      }
      return value;
    }
    default:
      return undefined;
  }
}

function withoutPersonalData(intake) {
  return { ...intake, parties: intake.parties.map(({ idNumber: _i, phone: _p, ...rest }) => rest) };
}

function senderOf(flow, type) {
  const by = flow.events[type]?.by ?? ['engine'];
  return by.find((role) => role !== 'engine') ?? 'engine';
}

function actorFor(role) {
  return role === 'engine'
    ? { userId: 'engine', role: 'engine', organizationId: null }
    : { userId: PLACEHOLDER.user, role, organizationId: PLACEHOLDER.organization };
}

/**
 * Drives one case of `profile` from `startDate` until it ends, it runs out of steps, or the next
 * step would be after `now`. Returns the template, or undefined if the intake was refused.
 */
export function walk(profile, startDate, now, seed, protection) {
  const r = rng(seed);
  const flow = flows.getFlow(profile.flow);
  const host = profile.target ? { resolutionTarget: profile.target } : {};
  let today = startDate;
  const intake = intakeFor(profile, r, today);
  let result;
  try {
    result = flows.startCase(profile.flow, intake, { today, host });
  } catch (error) {
    if (process.env.BENCH_DEBUG_WALK) console.error(profile.key, error.message);
    return undefined;
  }
  let snapshot = result.snapshot;
  const events = [
    { type: 'case.opened', payload: withoutPersonalData(intake), actor: actorFor(profile.opener), today },
  ];
  const refusedExpiry = new Set();
  let final = flows.describeCase(snapshot).final;

  const send = (type, payload, role) => {
    const next = flows.sendEvent(snapshot, { type, payload }, { today, host: {} });
    snapshot = next.snapshot;
    events.push({ type, payload, actor: actorFor(role), today });
    final = next.description.final;
  };
  // What the scheduler would have done by `today`: expire every running deadline whose last day is over.
  const fireDue = () => {
    for (;;) {
      if (final) return;
      const due = snapshot.context.deadlines
        .filter(
          (d) => d.status === 'running' && d.dueOn && d.dueOn < today && !refusedExpiry.has(`${d.kind}:${d.dueOn}`),
        )
        .sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))[0];
      if (!due) return;
      try {
        send('deadline.expired', { kind: due.kind }, 'engine');
        events.at(-1).meta = { dueOn: due.dueOn, lagMs: 0, late: false };
      } catch {
        refusedExpiry.add(`${due.kind}:${due.dueOn}`);
      }
    }
  };

  const maxSteps = 8 + Math.floor(r() * 32);
  for (let step = 0; step < maxSteps && !final; step++) {
    const next = addDays(today, Math.floor(r() * r() * 9));
    if (next > now) break;
    today = next;
    fireDue();
    if (final) break;
    const allowed = flows
      .describeCase(snapshot)
      .allowedEvents.filter((t) => !EXCLUDED.has(t) && senderOf(flow, t) !== 'engine');
    if (!allowed.length) continue;
    // Weighted by what usually happens: progress is likely, records are common, early endings rare.
    const ordered = allowed
      .map((t) => [t, -Math.log(1 - r()) / weightOf(t)])
      .sort((a, b) => a[1] - b[1])
      .map(([t]) => t);
    for (const type of ordered.slice(0, 5)) {
      const payload = valueFor(flow.events[type].payload, type, {
        r,
        today,
        partyIds: snapshot.context.parties.map((p) => p.id),
      });
      try {
        send(type, payload, senderOf(flow, type));
        break;
      } catch {
        // refused (a rule, a guard): try the next one
      }
    }
  }
  if (!final && today < now) {
    today = now;
    fireDue();
  }

  const stored = protectCase(snapshot, protection);
  const columns = columnsOf(stored.snapshot);
  const c = stored.snapshot.context;
  return {
    profile: profile.key,
    flowId: stored.snapshot.flowId,
    flowVersion: stored.snapshot.flowVersion,
    state: columns.state,
    status: columns.status,
    final: columns.final,
    overdue: columns.overdue,
    acceptedOn: columns.acceptedOn,
    endedOn: columns.endedOn,
    receivedOn: c.receivedOn,
    lastDay: today,
    category: c.category,
    channel: c.channel,
    riskLevel: c.riskLevel,
    amount: c.amount,
    summary: c.summary,
    names: c.parties.map((p) => p.name),
    snapshot: stored.snapshot,
    parties: stored.parties,
    partiesView: stored.partiesView,
    deadlines: c.deadlines,
    events,
  };
}

export function protectionFrom(secretsEnv) {
  const dataKeys = secretsEnv.JIEFEN_DATA_KEYS.split(',').map((entry) => {
    const [id, value] = entry.split(':');
    return { id, key: Buffer.from(value, 'base64') };
  });
  return new DataProtection(dataKeys, Buffer.from(secretsEnv.JIEFEN_HASH_KEY, 'base64'));
}

export { flows };
