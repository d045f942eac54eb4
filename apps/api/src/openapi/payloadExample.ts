import { DECIMAL_PATTERN, type TObject, type TSchema } from '@jiefen/flows';
import { DEMO, DEMO_USERS } from '../demo/demoOrganizations.js';

/** A payload or intake schema as its JSON Schema keywords. */
type Schema = TSchema & {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
};

/**
 * A realistic value for a payload or intake schema, for the OpenAPI examples: named after the field
 * (a party id is `p1`, an organisation id one of the demo organisations, a reason a sentence a
 * mediator would write). Optional dates are left out, so that they default to the day the event is
 * recorded, and so are optional flags (they state a special case, e.g. a medical dispute's consent);
 * other optional fields are shown. A test holds every example to the flow's own validator.
 */
export function exampleOf(spec: TObject, index = 0): Record<string, unknown> {
  const object = spec as Schema;
  const required = new Set(object.required ?? []);
  return Object.fromEntries(
    Object.entries(object.properties ?? {})
      .filter(
        ([name, field]) =>
          required.has(name) || !(field.format === 'date' || field.type === 'boolean' || field.format === 'creditCode'),
      )
      .map(([name, field]) => [name, valueFor(name, field, index)]),
  );
}

/** The README tour's two parties (valid GB 11643 ID numbers), for the i-th item of a list of persons. */
const PERSONS = [
  { id: 'p1', name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
  { id: 'p2', name: '李四', idNumber: '32010619850312123X', phone: '13900139000' },
];

const DEMO_MEDIATOR = DEMO_USERS.find((u) => u.role === 'mediator')!.id;

/** Identifiers by field name: the README tour's demo organisations and users. */
const IDS: Record<string, string> = {
  mediatorId: DEMO_MEDIATOR,
  obligorPartyId: 'p2',
  toOrganizationId: DEMO.xuanwu,
  organizationId: DEMO.meiyuanCommittee,
  committeeId: DEMO.meiyuanCommittee,
  courtId: DEMO.xuanwuCourt,
  reviewOrganizationId: DEMO.xuanwu,
  rereviewOrganizationId: DEMO.city,
  kind: 'mediationPeriod',
};

const TEXTS: Record<string, string> = {
  reason: '当事人申请，经审核情况属实',
  note: '已电话回访，当事人表示按协议履行',
  summary: '双方到场陈述事实，调解员释明法律规定，双方初步同意协商赔偿数额',
  instructions: '请于期限内化解并书面报告办理结果',
  description: '承担卫生间漏水维修费用',
  approvedBy: '院长 王某',
  basis: 'CPL Art. 85',
  rulingNo: '（2026）苏0102民特123号',
  courtCaseNo: '（2026）苏0102民初456号',
  courtReference: '（2026）苏0102诉前调789号',
  items: '补充提交维修费用发票',
  undisputedFacts: '双方确认漏水事实及发生时间',
  // A party's details (party.corrected's changes): 民族 and 职业 as a 调解协议书 states them (PML Art. 29(1)).
  ethnicity: '汉族',
  occupation: '退休职工',
};

/** Dates a person would give: a due date ahead, anything else already past. */
const DATES: Record<string, string> = { dueOn: '2026-12-31', to: '2026-12-31' };
const PAST_DATE = '2026-11-30';

function valueFor(name: string, field: Schema, index: number): unknown {
  const person = PERSONS[index % PERSONS.length]!;
  switch (field.type) {
    case 'object':
      return exampleOf(field as TObject, index);
    case 'array': {
      if (/partyIds$/i.test(name)) return PERSONS.map((p) => p.id);
      const count = Math.max(field.minItems ?? 0, 1);
      const items = field.items ?? {};
      return Array.from({ length: count }, (_, i) =>
        items.type === 'string' && !items.enum ? (TEXTS[name] ?? `${name}-${i + 1}`) : valueFor(name, items, i),
      );
    }
    case 'integer':
      return Math.min(field.maximum ?? 10, Math.max(field.minimum ?? 10, 10));
    case 'boolean':
      return true;
    default:
      if (field.enum) return field.enum[0];
      if (field.format === 'date') return DATES[name] ?? PAST_DATE;
      if (field.pattern === DECIMAL_PATTERN) return '3000.00';
      if (field.format === 'idNumber') return person.idNumber;
      if (field.format === 'phone') return person.phone;
      if (name === 'name') return person.name;
      if (name === 'partyId') return person.id;
      return IDS[name] ?? TEXTS[name] ?? ((field.maxLength ?? 0) <= 64 ? `${name}-1` : '见卷宗');
  }
}
