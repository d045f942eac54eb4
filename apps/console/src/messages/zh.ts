import { LAWS, TERMS } from './glossary';

/** Every Chinese string the console shows that is not a flow's own title (those come from GET /flows). */
export const zh = {
  app: { name: '解纷', subtitle: '矛盾纠纷多元化解工作台', skip: '跳到主要内容' },
  signIn: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    failed: '用户名或密码不正确',
    locked: '尝试次数过多，请稍后再试',
    expired: '登录已过期，请重新登录。您填写的内容已保留。',
  },
  header: {
    signOut: '退出登录',
    organization: '单位',
    role: '角色',
    fontSize: '字号',
    fontSizes: { normal: '标准', large: '大', xlarge: '特大' },
  },
  nav: { queue: '工作台', intake: '登记受理', calendar: '节假日安排', court: '司法确认' },
  roles: {
    reception: '登记受理',
    mediator: '调解员',
    supervisor: '督导员',
    court: '法院',
    admin: '系统管理员',
  } as Record<string, string>,
  queue: {
    title: '我的待办案件',
    courtTitle: '司法确认申请',
    search: '搜索案号、当事人姓名或身份证号',
    searchButton: '搜索',
    all: '全部',
    overdue: '逾期',
    thisWeek: '本周到期',
    filter: '筛选',
    caseNumber: '案号',
    flow: '流程',
    state: '状态',
    summary: '纠纷简况',
    nearest: '最近期限',
    left: '剩余',
    empty: '没有符合条件的案件',
    open: '查看',
    courtDeadlines: '期限（类别、截止日期、剩余）',
    daysLeft: (n: number | undefined) => (n === undefined ? '—' : n < 0 ? `逾期${-n}日` : `剩余${n}日`),
  },
  deadline: {
    sorts: { limit: '期限', target: '目标', window: '窗口' } as Record<string, string>,
    kind: '期限名称',
    sort: '类别',
    dueOn: '截止日期',
    left: '剩余',
    basis: '依据',
    provisional: '暂定',
    overdue: '逾期',
    today: '今日到期',
    workingDays: (n: number) => `${n}个工作日`,
    overdueWorkingDays: (n: number) => `逾期${n}个工作日`,
    paused: '已暂停',
    none: '无进行中的期限',
  },
  caseView: {
    parties: '当事人',
    timeline: '办理记录',
    deadlines: '期限',
    actions: '可办理事项',
    noActions: '当前状态下您没有可办理的事项',
    reveal: '查看完整信息',
    revealReason: '查看理由',
    revealSubmit: '确认查看',
    revealed: '完整信息（已记录查看人、时间和理由）',
    stale: '案件已被他人更新，已重新加载。您填写的内容已保留，请核对后重新提交。',
    refused: '操作未通过规则校验',
    rule: '规则',
    article: '依据',
    invalid: '填写有误',
    done: '已办理',
    submit: '提交',
    cancel: '取消',
    back: '返回工作台',
    receivedOn: '收到日期',
    category: '纠纷类型',
    channel: '来源渠道',
    status: '状态类别',
  },
  intake: {
    title: '登记受理',
    flow: '流程',
    parties: '当事人',
    addParty: '添加当事人',
    removeParty: '删除当事人',
    party: (n: number) => `当事人${n}`,
    duplicate: '重复受理提醒：已有在办案件的当事人使用相同身份证号',
    duplicateCase: (n: string) => `在办案件 ${n}`,
    save: '保存并受理登记',
    saved: '已登记',
    receipt: '受理回执',
    print: '打印回执',
    another: '继续登记',
    organization: '受理单位',
    idNumberInvalid: '公民身份号码校验位不正确（GB 11643）',
    creditCodeInvalid: '统一社会信用代码校验位不正确（GB 32100）',
  },
  calendar: {
    title: '节假日安排（国务院办公厅通知）',
    year: '年份',
    source: '来源',
    version: '版本',
    holidays: '放假天数',
    makeUp: '调休上班天数',
    bundled: '内置',
    loaded: '已加载',
    load: '加载年度安排',
    fromFile: '从JSON文件读取',
    noticeNumber: '通知文号',
    noticeDate: '通知日期',
    holidayLines: '放假日期（每行：日期 节日，如 2027-01-01 元旦）',
    makeUpLines: '调休上班日期（每行：日期 节日）',
    submit: '加载',
    loadedOk: (y: number) => `${y}年安排已加载，相关期限将重新计算`,
  },
  agreement: {
    title: '调解协议',
    form: '协议形式',
    effectiveOn: '生效日期',
    boundParties: '协议当事人',
    terms: '协议条款',
    no: '序号',
    obligor: '义务人',
    content: '内容',
    amount: '金额',
    dueOn: '履行期限',
    yuan: (amount: string) => `${amount}元`,
    linkedCase: '关联案件',
    none: '该案件尚无调解协议',
    facts: '纠纷的主要事实',
    disputedIssues: '争议事项',
    responsibilities: '各方当事人的责任',
    manner: '履行方式',
    place: '履行地点',
  },
  linked: {
    title: '关联案件（申请确认的调解协议所在案件）',
    caseNumber: '关联案件案号',
    find: '查找关联案件',
    notFound: '未找到该案号的案件，或该案件不在本院辖区',
    found: (n: string) => `已关联案件 ${n}，当事人和调解协议已带入`,
    clear: '取消关联',
    summary: (n: string) => `申请司法确认${n}调解协议`,
    hint: '输入调解协议书上的案号，当事人和调解协议将从该案件带入；未关联案件时请在下方填写调解协议。',
  },
  documents: {
    tab: '文书',
    info: '案件信息',
    title: '文书',
    name: '文书名称',
    number: '文号',
    issuedAt: '出具时间',
    status: '状态',
    pending: '制作中',
    missingGlyph: (char: string, codePoint: string) =>
      `未能制作：字“${char}”（${codePoint}）现有字库均无此字形，文书无法印出。请核对当事人信息中的该字，或请管理员补充字库。`,
    failedRender: (reason: string) => `未能制作，将自动重试（${reason}）`,
    issued: '已出具',
    download: '下载',
    print: '打印',
    downloadOf: (t: string) => `下载${t}`,
    printOf: (t: string) => `打印${t}`,
    dossier: '下载卷宗（一案一卷）',
    none: '尚未出具文书',
    noAccess: '文书含当事人完整身份信息，仅本案调解员和受理法院可下载、打印。',
    downloadReason: '下载文书',
    printReason: '打印文书',
    dossierReason: '调阅卷宗',
    operations: '操作',
    replaced: '已更正',
    correction: '更正件',
    replacedHint: '已由更正件取代，原文书保留备查',
    correct: '更正',
    correctOf: (t: string) => `更正${t}`,
    correctTitle: (t: string) => `更正文书：${t}`,
    correctIntro:
      '已出具的文书不可修改。更正将按当前案件信息重新制作同一文书，取得新的文号，并载明所更正的原文书及更正原因；原文书保留备查。',
    reason: '更正原因',
    reasonPlaceholder: '如：申请人姓名误写，经核对身份证件更正',
    submitCorrection: '提交更正',
    cancel: '取消',
    correctionRequested: '已提交更正，更正件制作中',
  },
  linkedRelations: {
    continuesFrom: '本案依据该案件',
    continuedBy: '该案件依据本案',
    opened: '由本案开启',
    openedBy: '本案由该案件开启',
  } as Record<string, string>,
  hostEvents: { 'case.opened': '登记', 'case.linked': '关联案件' } as Record<string, string>,
  form: {
    required: '必填',
    yes: '是',
    no: '否',
    add: '添加',
    remove: '删除',
    item: (n: number) => `第${n}项`,
    select: '请选择',
    me: (name: string) => `我（${name}）`,
  },
  errors: { generic: '操作失败', network: '无法连接服务，请稍后再试' },
};

/** Field names of payloads and intake, beyond the glossary's. */
const FIELD_LABELS: Record<string, string> = {
  summary: '摘要',
  parties: '当事人',
  terms: '协议条款',
  heldOn: '日期',
  mediatorId: '调解员',
  chosenBy: '选定方式',
  reason: '理由',
  note: '备注',
  partyId: '当事人',
  partyIds: '当事人',
  obligorPartyId: '义务人',
  description: '内容',
  amount: '金额（元）',
  form: '协议形式',
  signatures: '签名',
  mediator: '调解员已签名',
  otherSideConsented: '对方已申请或同意',
  name: '姓名或名称',
  role: '当事人地位',
  kind: '当事人类型',
  address: '地址',
  agent: '代理人',
  instructions: '督办要求',
  toOrganizationId: '上报至单位',
  startedOn: '开始日期',
  completedOn: '完成日期',
  extendedOn: '延长日期',
  days: '天数',
  consent: '当事人同意',
  category: '纠纷类型',
  channel: '来源渠道',
  organizationId: '受理单位',
  riskLevel: '风险等级',
  receivedOn: '收到日期',
  linkedCaseId: '关联案件',
  phone: '联系电话',
  idNumber: '公民身份号码',
  creditCode: '统一社会信用代码',
  committeeSeal: '已加盖调解委员会印章',
  ruledOn: '裁定日期',
  partyServices: '分别送达',
  heldOnTo: '结束日期',
  petitionType: '信访类型',
  committeeId: '人民调解委员会',
  disputeNature: '纠纷性质',
  consentingPartyIds: '同意调解的当事人',
  acceptedOn: '受理日期',
  ethnicity: '民族',
  occupation: '职业或职务',
  facts: '纠纷的主要事实',
  disputedIssues: '争议事项',
  responsibilities: '各方当事人的责任',
  text: '责任',
  performance: '履行方式和地点',
  manner: '履行方式',
  place: '地点',
  presentPartyIds: '到场当事人',
  participants: '参加人',
  capacity: '身份',
  changes: '更正后的信息（填写需要更正的项目）',
};

/** Enum values whose glossary term is missing or ambiguous here. */
const VALUE_LABELS: Record<string, string> = {
  committee: '调解委员会指定',
  parties: '当事人选定',
  written: '书面协议',
  oral: '口头协议',
  noAgreement: '未达成协议',
  partyRefused: '当事人拒绝',
  expired: '期限届满',
  courtAccepted: '法院已受理',
  riskReported: '风险上报',
  red: '红色',
  orange: '橙色',
  yellow: '黄色',
  none: '无',
  limit: '期限',
  target: '目标',
  window: '窗口',
  civil: '民事纠纷',
  criminal: '刑事案件',
  outOfCompetence: '不属于本机关职权范围',
  pendingAtLowerBody: '下级机关正在办理',
  alreadyRereviewed: '已复核终结',
  other: '其他',
};

export function termOf(id: string): string {
  return TERMS[id]?.split(' / ')[0] ?? id;
}

export function fieldLabel(name: string): string {
  return FIELD_LABELS[name] ?? TERMS[name]?.split(' / ')[0] ?? name;
}

export function valueLabel(value: string): string {
  return VALUE_LABELS[value] ?? TERMS[value]?.split(' / ')[0] ?? value;
}

/** `PML Arts. 17, 25; MoJ-2002 Art. 22` → `《人民调解法》第17、25条；《人民调解工作若干规定》第22条`. */
export function basisZh(basis: string): string {
  return basis
    .split(/;\s*/)
    .map((part) => {
      const match = /^([A-Za-z][A-Za-z0-9-]*)\s*(.*)$/.exec(part.trim());
      if (!match || !LAWS[match[1]!]) return part;
      const articles = match[2]!.replace(/^Arts?\.\s*/, '').replace(/\s*\(([^)]*)\)/g, '（$1）');
      if (!articles) return `《${LAWS[match[1]!]}》`;
      const list = articles.replace(/,\s*/g, '、').replace(/-/g, '至');
      return /^\d/.test(list)
        ? `《${LAWS[match[1]!]}》第${list.replace(/^([\d、至]+)/, '$1条')}`
        : `《${LAWS[match[1]!]}》${list}`;
    })
    .join('；');
}

export function roleName(role: string): string {
  return zh.roles[role] ?? role;
}

/** The service's validation messages (English, stable) in Chinese; anything unknown is shown as sent. */
const MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^is required$/, () => '必填'],
  [/^must not be empty$/, () => '不能为空'],
  [/^must have at least (\d+) item/, (m) => `至少填写${m[1]}项`],
  [/^must have at least (\d+) field/, (m) => `至少填写${m[1]}项`],
  [/resident ID number/, () => '公民身份号码不正确（GB 11643 校验位）'],
  [/social credit code/, () => '统一社会信用代码不正确（GB 32100 校验位）'],
  [/^is not a phone number$/, () => '不是有效的电话号码'],
  [/^must be a (calendar )?date/, () => '应为有效日期（YYYY-MM-DD）'],
  [/^must be one of/, () => '请从选项中选择'],
  [/^must be at most (\d+) characters/, (m) => `最多${m[1]}个字符`],
  [/^is not a decimal|must be a decimal|amount/, () => '金额格式不正确（如 3000.00）'],
  [/^is not allowed$|^should not exist$/, () => '不允许填写此项'],
];

export function messageZh(message: string): string {
  for (const [pattern, zhOf] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return zhOf(match);
  }
  return message;
}

/**
 * legal-time's provisional reason (`calendar year 2027 not published; statutory holidays applied`,
 * one clause pair per year) in Chinese; an unknown wording is shown as sent.
 */
export function provisionalReasonZh(reason: string): string {
  const years = [
    ...reason.matchAll(/calendar year (\d{4}) not published; (statutory holidays applied|weekends only)/g),
  ];
  if (!years.length) return reason;
  return years
    .map(
      ([, year, assumed]) =>
        `${year}年节假日安排尚未公布，${assumed === 'weekends only' ? '仅按周末计算' : '暂按法定节假日计算'}`,
    )
    .join('；');
}
