// The demo organisation tree, extended to a whole city: 10 districts (the demo's 玄武 and 秦淮 and
// eight more), each with a basic court, a petition office, three administrative departments and
// about ten streets; each street with a street centre, a people's mediation committee and about ten
// communities; each community with a community centre and a committee. About 2,300 organisations.
import { apiDist } from './paths.mjs';
import { rng } from './walk.mjs';

// The demo's own fixed ids, from the built service, so the extended tree keeps the demo tree inside it.
const { DEMO } = await import(new URL('demo/demoOrganizations.js', apiDist).href);

const DISTRICTS = [
  ['玄武区', '玄', DEMO.xuanwu],
  ['秦淮区', '秦', DEMO.qinhuai],
  ['鼓楼区', '鼓'],
  ['建邺区', '建'],
  ['栖霞区', '栖'],
  ['雨花台区', '雨'],
  ['江宁区', '江'],
  ['浦口区', '浦'],
  ['六合区', '六'],
  ['溧水区', '溧'],
];
const STREET_NAMES = (
  '华山,兰园,龙江,湖南路,中央门,宁海路,挹江门,江东,凤凰,五老村,洪武路,大光路,双塘,红花,光华路,瑞金路,莫愁湖,沙洲,兴隆,南苑,' +
  '马群,尧化,燕子矶,迈皋桥,铁心桥,西善桥,赛虹桥,东山,秣陵,淳化,湖熟,江浦,桥林,汤泉,星甸,雄州,龙袍,永阳,白马,洪蓝,和凤'
).split(',');
const COMMUNITY_NAMES = (
  '梅园,长江路,珠江路,大行宫,后宰门,新街口,丰富路,莲花,瑞金,苜蓿园,孝陵卫,钟山,玄武湖,锁金村,板仓,红山,天山路,月苑,双闸,' +
  '嘉陵江,河西,奥体,滨江,金陵,石城,秀山,青溪,三山街,中华门,龙蟠,武定门,五福,清凉,草场门,虎踞,凤台,花神,雨花,翠竹,西街,小市'
).split(',');

const idOf = (n) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;

/** Every organisation to add (the demo ones excluded), parents first, with a relative case weight. */
export function extendedTree(seed = 42) {
  const r = rng(seed);
  let n = 1;
  const next = () => idOf(n++);
  const rows = [];
  const add = (o) => {
    rows.push(o);
    return o;
  };
  const weight = () => Math.max(0.05, Math.exp((r() - 0.5) * 2.2)); // skewed: some places are much busier than others
  // The city: an intermediate court and two city departments; the demo has the centre.
  add({
    id: next(),
    parentId: DEMO.city,
    name: '金陵市中级人民法院',
    shortName: '金陵中',
    kind: 'court',
    level: 'city',
    weight: 0.5,
  });
  add({
    id: next(),
    parentId: DEMO.city,
    name: '金陵市信访局',
    shortName: '金陵',
    kind: 'petitionOffice',
    level: 'city',
    weight: 0.8,
  });
  for (const [districtIndex, [districtName, short, demoId]] of DISTRICTS.entries()) {
    const districtId =
      demoId ??
      add({
        id: next(),
        parentId: DEMO.city,
        name: `${districtName}矛盾纠纷调处化解中心`,
        shortName: short,
        kind: 'centre',
        level: 'district',
        weight: 0.3,
      }).id;
    if (districtId !== DEMO.xuanwu) {
      add({
        id: next(),
        parentId: districtId,
        name: `金陵市${districtName}人民法院`,
        shortName: short,
        kind: 'court',
        level: 'district',
        weight: weight(),
      });
      add({
        id: next(),
        parentId: districtId,
        name: `${districtName}信访局`,
        shortName: short,
        kind: 'petitionOffice',
        level: 'district',
        weight: weight(),
      });
    }
    for (const [k, dept] of ['公安分局交警大队', '卫生健康委员会', '市场监督管理局'].entries()) {
      add({
        id: next(),
        parentId: districtId,
        name: `${districtName}${dept}`,
        shortName: `${short}${'交卫市'[k]}`,
        kind: 'department',
        level: 'district',
        weight: weight(),
      });
    }
    const streets = 8 + Math.floor(r() * 5);
    for (let s = 0; s < streets; s++) {
      const streetName = STREET_NAMES[(districtIndex * 4 + s) % STREET_NAMES.length];
      const demoStreet =
        districtId === DEMO.xuanwu
          ? [DEMO.meiyuan, DEMO.xinjiekou][s]
          : districtId === DEMO.qinhuai
            ? [DEMO.fuzimiao, DEMO.zhonghuamen][s]
            : undefined;
      const streetShort = `${short}${s + 1}`;
      const streetId =
        demoStreet ??
        add({
          id: next(),
          parentId: districtId,
          name: `${streetName}街道矛盾纠纷调处化解中心`,
          shortName: streetShort,
          kind: 'centre',
          level: 'street',
          weight: weight() * 0.5,
        }).id;
      if (streetId !== DEMO.meiyuan) {
        add({
          id: next(),
          parentId: streetId,
          name: `${streetName}街道人民调解委员会`,
          shortName: streetShort,
          kind: 'committee',
          level: 'street',
          weight: weight() * 2,
        });
      }
      const communities = 6 + Math.floor(r() * 9);
      for (let c = 0; c < communities; c++) {
        const communityName = COMMUNITY_NAMES[(s * 7 + c * 3 + districtIndex) % COMMUNITY_NAMES.length];
        const communityShort = `${streetShort}-${c + 1}`;
        const community = add({
          id: next(),
          parentId: streetId,
          name: `${streetName}街道${communityName}社区矛盾纠纷调处化解工作站`,
          shortName: communityShort,
          kind: 'centre',
          level: 'community',
          weight: weight(),
        });
        add({
          id: next(),
          parentId: community.id,
          name: `${communityName}社区人民调解委员会`,
          shortName: communityShort,
          kind: 'committee',
          level: 'community',
          weight: weight(),
        });
      }
    }
  }
  return rows;
}

/** Which organisations handle which profile's cases (see walk.mjs PROFILES). */
export function poolsOf(all) {
  const pools = {
    committee: [],
    communityCentre: [],
    department: [],
    streetCommittee: [],
    court: [],
    petitionOffice: [],
  };
  for (const o of all) {
    const w = o.weight ?? 1;
    if (o.kind === 'committee') pools.committee.push([o.id, w]);
    if (o.kind === 'committee' && o.level === 'street') pools.streetCommittee.push([o.id, w]);
    if (o.kind === 'centre' && o.level === 'community') pools.communityCentre.push([o.id, w]);
    if (o.kind === 'department') pools.department.push([o.id, w]);
    if (o.kind === 'court') pools.court.push([o.id, w]);
    if (o.kind === 'petitionOffice') pools.petitionOffice.push([o.id, w]);
  }
  return pools;
}

export { DEMO };
