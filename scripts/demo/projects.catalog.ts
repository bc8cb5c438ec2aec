/**
 * The hand-written catalogue of demo projects (演示数据): names, industries and investment ranges
 * that fit the real industry clusters of Liaocheng. Numbers are drawn from the ranges by the
 * seeded generator (projects.generator.ts). Company names are fictitious.
 */
import type { CountyCode } from './base.ts';

export type ProjectType = '政府投资' | '社会投资' | '招商引资';
export type ConflictKind = 'farmland' | 'outsideTown';

export interface ProjectTemplate {
  name: string;
  county: CountyCode;
  zone: '371571' | '371572' | '371573' | null;
  /** preferred host park (by name); otherwise the zone, otherwise the town */
  park?: string;
  type: ProjectType;
  industryCode: string;
  strategicEmerging: boolean;
  /** investment range, 万元 */
  invest: [number, number];
  /** 万元 per 亩 used to size the site (default by industry) */
  intensity?: number;
  /** fixed site size range in 亩 (infrastructure etc.) */
  mu?: [number, number];
  /** 项目单位; generated from `unitWord` when absent */
  unit?: string;
  unitWord?: string;
  content: string;
  /** foreign-funded: [annual new investment US$M, annual cash registered capital US$M] ranges */
  foreign?: [[number, number], [number, number]];
  /** deliberately conflicting site (demo) */
  conflict?: ConflictKind;
  /** emission/energy profile override */
  profile?: 'pv' | 'none';
}

/** GB/T 4754-2017 divisions (大类) used by the demo */
export const INDUSTRY_NAMES: Record<string, string> = {
  '13': '农副食品加工业',
  '14': '食品制造业',
  '17': '纺织业',
  '22': '造纸和纸制品业',
  '26': '化学原料和化学制品制造业',
  '27': '医药制造业',
  '31': '黑色金属冶炼和压延加工业',
  '32': '有色金属冶炼和压延加工业',
  '33': '金属制品业',
  '34': '通用设备制造业',
  '35': '专用设备制造业',
  '36': '汽车制造业',
  '38': '电气机械和器材制造业',
  '39': '计算机、通信和其他电子设备制造业',
  '42': '废弃资源综合利用业',
  '44': '电力、热力生产和供应业',
  '46': '水的生产和供应业',
  '47': '房屋建筑业',
  '48': '土木工程建筑业',
  '54': '道路运输业',
  '59': '装卸搬运和仓储业',
  '61': '住宿业',
  '65': '软件和信息技术服务业',
  '74': '专业技术服务业',
  '75': '科技推广和应用服务业',
  '78': '公共设施管理业',
};

const EV = '371571' as const;
const HT = '371572' as const;
const RS = '371573' as const;

export const PROJECT_TEMPLATES: readonly ProjectTemplate[] = [
  // 东昌府区
  { name: '东昌府区智能农机装备产业园项目', county: '371502', zone: null, park: '东昌府区装备制造产业园', type: '招商引资', industryCode: '35', strategicEmerging: true, invest: [60000, 90000], unitWord: '智能农机装备', content: '新建智能农机总装车间、关键部件加工中心及试验场，年产大马力智能拖拉机及收获机械8000台' },
  { name: '东昌府区高端液压件智能制造项目', county: '371502', zone: null, park: '东昌府区装备制造产业园', type: '社会投资', industryCode: '34', strategicEmerging: true, invest: [20000, 40000], unitWord: '液压科技', content: '新建液压件精密加工及装配生产线，年产高端液压油缸、液压阀50万件' },
  { name: '东昌府区汽车零部件精密铸造项目', county: '371502', zone: null, park: '东昌府区装备制造产业园', type: '招商引资', industryCode: '36', strategicEmerging: false, invest: [15000, 30000], unitWord: '精密铸造', content: '建设消失模及壳型精密铸造生产线，年产汽车底盘及发动机铸件6万吨' },
  { name: '东昌府区中心城区老旧小区改造配套基础设施项目', county: '371502', zone: null, type: '政府投资', industryCode: '47', strategicEmerging: false, invest: [8000, 20000], mu: [20, 60], unit: '聊城市东昌府区住房和城乡建设局', content: '改造老旧小区供排水、供热、燃气管网及道路、停车、养老托育等配套设施' },
  { name: '聊城市中心城区污水处理厂扩建工程', county: '371502', zone: null, type: '政府投资', industryCode: '46', strategicEmerging: false, invest: [18000, 30000], mu: [60, 120], unit: '聊城市城市管理局', content: '扩建污水处理能力10万立方米/日，配套再生水回用设施及管网', profile: 'none' },
  { name: '东昌府区冷链物流园项目', county: '371502', zone: null, type: '社会投资', industryCode: '59', strategicEmerging: false, invest: [12000, 25000], unitWord: '冷链物流', content: '建设冷库、分拣中心及配送中心，冷藏仓储能力10万吨' },
  { name: '东昌府区数字经济产业园项目', county: '371502', zone: null, type: '招商引资', industryCode: '65', strategicEmerging: true, invest: [20000, 35000], mu: [40, 90], unitWord: '数字科技', content: '建设数据中心、软件研发楼及人才公寓，引进软件与信息技术服务企业50家' },
  // 聊城经济技术开发区
  { name: '聊城经开区新能源商用车整车制造项目', county: '371502', zone: EV, park: '聊城经济技术开发区新能源汽车产业园', type: '招商引资', industryCode: '36', strategicEmerging: true, invest: [260000, 320000], intensity: 420, unitWord: '新能源商用车', content: '新建冲压、焊装、涂装、总装四大工艺车间，年产新能源商用车5万辆' },
  { name: '聊城经开区动力电池系统集成项目', county: '371502', zone: EV, park: '聊城经济技术开发区新能源汽车产业园', type: '招商引资', industryCode: '38', strategicEmerging: true, invest: [120000, 180000], unitWord: '新能源科技', content: '建设动力电池模组及PACK智能生产线，年产动力电池系统10GWh', foreign: [[40, 60], [12, 20]] },
  { name: '聊城经开区新能源汽车轻量化零部件项目', county: '371502', zone: EV, park: '聊城经济技术开发区新能源汽车产业园', type: '社会投资', industryCode: '36', strategicEmerging: true, invest: [40000, 60000], unitWord: '汽车零部件', content: '建设铝合金车身结构件、电池托盘压铸及机加工生产线，年产轻量化部件120万件' },
  { name: '聊城经开区智能网联汽车电子产业园项目', county: '371502', zone: EV, type: '招商引资', industryCode: '39', strategicEmerging: true, invest: [50000, 80000], unitWord: '汽车电子', content: '建设车载控制器、传感器及线束SMT生产线，年产汽车电子产品300万套' },
  { name: '聊城经开区高端数控机床项目', county: '371502', zone: EV, type: '招商引资', industryCode: '34', strategicEmerging: true, invest: [30000, 50000], unitWord: '数控机床', content: '建设五轴联动数控机床装配及检测车间，年产高端数控机床1500台', foreign: [[15, 22], [5, 8]] },
  { name: '聊城经开区标准化厂房及配套基础设施项目', county: '371502', zone: EV, type: '政府投资', industryCode: '47', strategicEmerging: false, invest: [15000, 30000], mu: [80, 160], unit: '聊城经济技术开发区建设发展有限公司', content: '建设标准化厂房30万平方米及道路、供排水、供电配套设施' },
  // 聊城高新技术产业开发区
  { name: '聊城高新区高性能复合材料项目', county: '371502', zone: HT, park: '聊城高新区新材料产业园', type: '招商引资', industryCode: '26', strategicEmerging: true, invest: [60000, 90000], unitWord: '复合材料', content: '建设碳纤维预浸料及高性能树脂基复合材料生产线，年产复合材料2万吨' },
  { name: '聊城高新区生物医药创新中心项目', county: '371502', zone: HT, type: '社会投资', industryCode: '27', strategicEmerging: true, invest: [25000, 40000], mu: [40, 80], unitWord: '生物医药', content: '建设生物医药研发楼、GMP中试车间及公共检测平台' },
  { name: '聊城高新区新型显示材料项目', county: '371502', zone: HT, park: '聊城高新区新材料产业园', type: '招商引资', industryCode: '39', strategicEmerging: true, invest: [100000, 150000], unitWord: '光电材料', content: '建设OLED及Micro LED显示材料生产线，年产显示功能材料500吨', foreign: [[50, 70], [18, 25]] },
  { name: '聊城高新区科技企业孵化器二期项目', county: '371502', zone: HT, type: '政府投资', industryCode: '75', strategicEmerging: false, invest: [8000, 15000], mu: [20, 50], unit: '聊城高新技术产业开发区管理委员会', content: '建设孵化楼、中试厂房及共享实验室8万平方米' },
  // 江北水城旅游度假区
  { name: '江北水城古城文旅提升项目', county: '371502', zone: RS, type: '政府投资', industryCode: '78', strategicEmerging: false, invest: [30000, 50000], mu: [40, 100], unit: '聊城江北水城旅游度假区管理委员会', content: '提升古城街巷、环湖步道及游客服务中心，建设运河文化展示设施' },
  { name: '东昌湖康养度假综合体项目', county: '371502', zone: RS, type: '招商引资', industryCode: '61', strategicEmerging: false, invest: [50000, 80000], mu: [80, 180], unitWord: '文旅发展', content: '建设康养度假酒店、健康管理中心及配套商业，客房600间' },
  // 茌平区
  { name: '茌平区高端铝型材精深加工项目', county: '371503', zone: null, park: '茌平区铝精深加工产业园', type: '招商引资', industryCode: '32', strategicEmerging: true, invest: [220000, 260000], intensity: 380, unitWord: '铝业科技', content: '建设高端工业铝型材挤压、深加工及表面处理生产线，年产高端铝型材30万吨' },
  { name: '茌平区新能源汽车铝制零部件项目', county: '371503', zone: null, park: '茌平区铝精深加工产业园', type: '社会投资', industryCode: '36', strategicEmerging: true, invest: [50000, 80000], unitWord: '汽车轻量化科技', content: '建设一体化压铸及精密机加工生产线，年产新能源汽车铝制零部件200万件' },
  { name: '茌平区赤泥综合利用项目', county: '371503', zone: null, park: '茌平区新材料循环经济产业园', type: '社会投资', industryCode: '42', strategicEmerging: true, invest: [20000, 35000], unitWord: '资源循环科技', content: '建设赤泥脱碱及建材化利用生产线，年综合利用赤泥100万吨' },
  { name: '茌平区电池铝箔项目', county: '371503', zone: null, park: '茌平区铝精深加工产业园', type: '招商引资', industryCode: '32', strategicEmerging: true, invest: [80000, 120000], unitWord: '新材料科技', content: '建设铝箔坯料铸轧及电池铝箔轧制生产线，年产电池铝箔8万吨' },
  { name: '茌平区城乡供水一体化提升工程', county: '371503', zone: null, type: '政府投资', industryCode: '46', strategicEmerging: false, invest: [12000, 20000], mu: [30, 60], unit: '聊城市茌平区水利局', content: '新建净水厂1座，改造城乡供水管网320公里', profile: 'none' },
  { name: '茌平区热电联产机组节能改造项目', county: '371503', zone: null, park: '茌平区新材料循环经济产业园', type: '社会投资', industryCode: '44', strategicEmerging: false, invest: [30000, 50000], mu: [30, 80], unitWord: '热电', content: '实施汽轮机通流改造、锅炉烟气深度治理及余热回收，供热能力提升30%' },
  // 阳谷县
  { name: '阳谷县超高压电力电缆智能制造项目', county: '371521', zone: null, park: '阳谷县电线电缆产业园', type: '招商引资', industryCode: '38', strategicEmerging: true, invest: [60000, 90000], unitWord: '电缆', content: '建设500kV及以下超高压电力电缆立塔生产线，年产超高压电缆3000公里' },
  { name: '阳谷县高精度电子铜箔项目', county: '371521', zone: null, park: '阳谷县铜精深加工产业园', type: '招商引资', industryCode: '32', strategicEmerging: true, invest: [200000, 240000], intensity: 400, unitWord: '铜箔科技', content: '建设高精度锂电铜箔及电子电路铜箔生产线，年产铜箔5万吨' },
  { name: '阳谷县特种线缆产业园项目', county: '371521', zone: null, park: '阳谷县电线电缆产业园', type: '社会投资', industryCode: '38', strategicEmerging: true, invest: [30000, 50000], unitWord: '特种线缆', content: '建设光伏、轨道交通及新能源汽车用特种线缆生产线，年产特种线缆20万公里' },
  { name: '阳谷县再生铜资源综合利用项目', county: '371521', zone: null, type: '社会投资', industryCode: '42', strategicEmerging: true, invest: [25000, 40000], mu: [120, 220], unitWord: '再生资源', content: '建设废杂铜分选、熔炼及精炼生产线，年处理再生铜原料10万吨', conflict: 'farmland' },
  { name: '阳谷县冷链仓储物流中心项目', county: '371521', zone: null, type: '招商引资', industryCode: '59', strategicEmerging: false, invest: [10000, 20000], unitWord: '供应链管理', content: '建设冷链仓储中心及农产品集散交易区，冷藏能力5万吨' },
  { name: '阳谷县城区雨污分流改造工程', county: '371521', zone: null, type: '政府投资', industryCode: '46', strategicEmerging: false, invest: [8000, 15000], mu: [15, 40], unit: '阳谷县住房和城乡建设局', content: '改造城区雨污合流管网85公里，新建提升泵站3座', profile: 'none' },
  // 莘县
  { name: '莘县精细化工新材料项目', county: '371522', zone: null, park: '莘县化工产业园', type: '招商引资', industryCode: '26', strategicEmerging: true, invest: [60000, 100000], unitWord: '化工新材料', content: '建设高端电子化学品及特种聚合物生产装置，年产精细化学品6万吨', foreign: [[30, 45], [10, 15]] },
  { name: '莘县蔬菜精深加工及冷链项目', county: '371522', zone: null, park: '莘县食品产业园', type: '社会投资', industryCode: '13', strategicEmerging: false, invest: [15000, 30000], unitWord: '食品', content: '建设净菜加工、脱水蔬菜及速冻蔬菜生产线，年加工蔬菜20万吨' },
  { name: '莘县预制菜产业园项目', county: '371522', zone: null, park: '莘县食品产业园', type: '招商引资', industryCode: '14', strategicEmerging: false, invest: [30000, 50000], unitWord: '预制食品', content: '建设中央厨房及预制菜生产线，年产预制菜品10万吨' },
  { name: '莘县化工园区公共管廊及应急设施项目', county: '371522', zone: null, park: '莘县化工产业园', type: '政府投资', industryCode: '48', strategicEmerging: false, invest: [10000, 18000], mu: [20, 50], unit: '莘县化工产业园管理委员会', content: '建设园区公共管廊12公里、应急救援中心及事故应急池' },
  { name: '莘县生物基可降解材料项目', county: '371522', zone: null, park: '莘县化工产业园', type: '招商引资', industryCode: '26', strategicEmerging: true, invest: [40000, 60000], unitWord: '生物材料', content: '建设聚乳酸及PBAT生物降解材料生产线，年产可降解材料10万吨' },
  { name: '莘县农光互补光伏发电项目', county: '371522', zone: null, type: '招商引资', industryCode: '44', strategicEmerging: true, invest: [60000, 90000], mu: [300, 600], unitWord: '新能源', content: '建设农光互补光伏电站100MW及110kV升压站', conflict: 'farmland', profile: 'pv' },
  // 东阿县
  { name: '东阿县阿胶产业化基地扩建项目', county: '371524', zone: null, park: '东阿县阿胶生物医药产业园', type: '社会投资', industryCode: '27', strategicEmerging: false, invest: [50000, 80000], unitWord: '阿胶制品', content: '扩建阿胶提取、熬胶及制剂车间，新增阿胶及系列产品产能3000吨' },
  { name: '东阿县生物医药研发及中试基地项目', county: '371524', zone: null, park: '东阿县阿胶生物医药产业园', type: '招商引资', industryCode: '27', strategicEmerging: true, invest: [30000, 50000], unitWord: '生物医药', content: '建设中药新药研发中心、GMP中试车间及质量检测中心' },
  { name: '东阿县黑毛驴繁育及驴产品精深加工项目', county: '371524', zone: null, park: '东阿县阿胶生物医药产业园', type: '社会投资', industryCode: '13', strategicEmerging: false, invest: [12000, 20000], unitWord: '驴产业', content: '建设驴肉精深加工及驴皮预处理生产线，年屠宰加工毛驴5万头' },
  { name: '东阿县保健食品智能制造项目', county: '371524', zone: null, type: '招商引资', industryCode: '14', strategicEmerging: false, invest: [15000, 25000], unitWord: '健康食品', content: '建设固体饮料、口服液及保健食品智能生产线，年产保健食品2000吨' },
  { name: '东阿县城区集中供热管网改造工程', county: '371524', zone: null, type: '政府投资', industryCode: '44', strategicEmerging: false, invest: [8000, 15000], mu: [10, 30], unit: '东阿县住房和城乡建设局', content: '新建、改造供热主管网46公里，建设换热站30座' },
  { name: '东阿县阿胶文化旅游小镇项目', county: '371524', zone: null, type: '招商引资', industryCode: '78', strategicEmerging: false, invest: [40000, 60000], mu: [200, 350], unitWord: '文旅发展', content: '建设阿胶文化展示馆、养生街区及配套酒店，打造阿胶文化体验目的地', conflict: 'outsideTown' },
  // 冠县
  { name: '冠县高端镀锌彩涂板材项目', county: '371525', zone: null, park: '冠县板材新材料产业园', type: '社会投资', industryCode: '33', strategicEmerging: false, invest: [50000, 80000], unitWord: '板业', content: '建设连续热镀锌及彩涂生产线，年产高端镀锌彩涂板80万吨' },
  { name: '冠县新能源汽车用高强钢板项目', county: '371525', zone: null, park: '冠县板材新材料产业园', type: '招商引资', industryCode: '31', strategicEmerging: true, invest: [100000, 150000], unitWord: '新材料科技', content: '建设酸洗冷轧联合机组及连续退火线，年产汽车用高强钢板60万吨' },
  { name: '冠县光伏支架及储能结构件项目', county: '371525', zone: null, park: '冠县板材新材料产业园', type: '招商引资', industryCode: '33', strategicEmerging: true, invest: [20000, 35000], unitWord: '新能源科技', content: '建设光伏支架、储能柜体冲压焊接及涂装生产线，年产结构件15万吨' },
  { name: '冠县鸭梨精深加工项目', county: '371525', zone: null, type: '社会投资', industryCode: '13', strategicEmerging: false, invest: [8000, 15000], unitWord: '果业', content: '建设梨汁、梨膏及果脯生产线和气调冷库，年加工鸭梨5万吨' },
  { name: '冠县城区污水处理厂提标改造工程', county: '371525', zone: null, type: '政府投资', industryCode: '46', strategicEmerging: false, invest: [6000, 12000], mu: [20, 40], unit: '冠县住房和城乡建设局', content: '污水处理厂提标至地表水准Ⅳ类标准，配套人工湿地及再生水管网', profile: 'none' },
  { name: '冠县板材产业园扩区项目', county: '371525', zone: null, type: '招商引资', industryCode: '33', strategicEmerging: false, invest: [30000, 50000], mu: [250, 400], unitWord: '金属制品', content: '建设板材深加工标准厂房及配套仓储物流设施', conflict: 'outsideTown' },
  // 高唐县
  { name: '高唐县高档文化用纸及生活用纸项目', county: '371526', zone: null, park: '高唐县造纸产业园', type: '招商引资', industryCode: '22', strategicEmerging: false, invest: [200000, 230000], intensity: 350, unitWord: '纸业', content: '建设高档文化用纸及生活用纸生产线各2条，年产纸品60万吨' },
  { name: '高唐县秸秆制浆及纸制品项目', county: '371526', zone: null, park: '高唐县造纸产业园', type: '社会投资', industryCode: '22', strategicEmerging: false, invest: [40000, 60000], unitWord: '纸制品', content: '建设秸秆清洁制浆及环保纸制品生产线，年利用秸秆30万吨' },
  { name: '高唐县功能性纺织面料项目', county: '371526', zone: null, park: '高唐县纺织产业园', type: '招商引资', industryCode: '17', strategicEmerging: false, invest: [30000, 50000], unitWord: '纺织科技', content: '建设高支纱及功能性面料织造、印染生产线，年产功能性面料5000万米', foreign: [[18, 26], [6, 9]] },
  { name: '高唐县智能纺纱技改项目', county: '371526', zone: null, park: '高唐县纺织产业园', type: '社会投资', industryCode: '17', strategicEmerging: false, invest: [15000, 25000], mu: [30, 60], unitWord: '棉纺', content: '更新智能化纺纱设备，建设数字化车间，新增紧密纺纱线2万吨' },
  { name: '高唐县综合客运枢纽项目', county: '371526', zone: null, type: '政府投资', industryCode: '54', strategicEmerging: false, invest: [8000, 15000], mu: [30, 60], unit: '高唐县交通运输局', content: '建设城乡公交一体化综合客运站、公交首末站及充电设施' },
  // 临清市
  { name: '临清市高端精密轴承产业园项目', county: '371581', zone: null, park: '临清市轴承产业园', type: '招商引资', industryCode: '34', strategicEmerging: true, invest: [80000, 120000], unitWord: '精密轴承', content: '建设高端精密轴承热处理、磨加工及装配生产线，年产精密轴承2000万套' },
  { name: '临清市风电轴承智能制造项目', county: '371581', zone: null, park: '临清市轴承产业园', type: '社会投资', industryCode: '34', strategicEmerging: true, invest: [50000, 70000], unitWord: '轴承科技', content: '建设大型风电主轴轴承及偏航变桨轴承生产线，年产风电轴承5000套' },
  { name: '临清市轴承钢球及保持架配套项目', county: '371581', zone: null, park: '临清市烟店轴承产业集聚区', type: '社会投资', industryCode: '34', strategicEmerging: false, invest: [10000, 20000], unitWord: '轴承配件', content: '建设高精度钢球及冲压保持架生产线，年产钢球30亿粒' },
  { name: '临清市轴承检验检测中心项目', county: '371581', zone: null, park: '临清市轴承产业园', type: '政府投资', industryCode: '74', strategicEmerging: false, invest: [5000, 10000], mu: [15, 30], unit: '临清市市场监督管理局', content: '建设轴承产品检验检测、计量校准及寿命试验平台' },
  { name: '临清市运河文化旅游街区提升项目', county: '371581', zone: null, type: '政府投资', industryCode: '78', strategicEmerging: false, invest: [15000, 30000], mu: [40, 100], unit: '临清市文化和旅游局', content: '修缮运河沿线历史街区，建设运河文化展示及游客服务设施' },
  { name: '临清市新能源汽车轮毂轴承单元项目', county: '371581', zone: null, park: '临清市轴承产业园', type: '招商引资', industryCode: '34', strategicEmerging: true, invest: [60000, 90000], unitWord: '汽车轴承', content: '建设第三代轮毂轴承单元智能生产线，年产新能源汽车轮毂轴承单元600万套', foreign: [[32, 40], [8, 9.5]] },
  { name: '临清市轴承产业园东扩项目', county: '371581', zone: null, type: '招商引资', industryCode: '34', strategicEmerging: false, invest: [30000, 45000], mu: [200, 320], unitWord: '精工机械', content: '建设轴承套圈锻造、车加工标准厂房及配套设施', conflict: 'farmland' },
];
