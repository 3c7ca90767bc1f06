/**
 * Cue lexicon for the rule-based complaint triage engine (see ./triage.ts).
 *
 * Data only: every entry is a human-readable label (shown to staff as "why"), a regular
 * expression over the *normalised* text (see `normaliseForMatching`), and a weight. The engine
 * counts each cue at most once per text, so a weight is "how much this phrase alone says".
 *
 * Conventions for patterns:
 * - Normalisation maps full-width ASCII to half-width (，→, ！→! ？→? ：→: （→( ), curly quotes
 *   to ", 冇→没 and the common typo 物叶→物业. It is 1:1 per character, so match offsets are
 *   valid in the original text and `matched` can be shown verbatim.
 * - `negatable: true` means a negator immediately before the match (没/没有/未/不是/并非/非/无)
 *   cancels it ("没有打人", "不是物业停的水"). Cues whose meaning already contains the negation
 *   ("未公示", "拒不移交") are not negatable.
 * - Keep patterns short and specific; a phrase that is ambiguous on its own gets a low weight
 *   and only counts together with a stronger cue (see the pairings in triage.ts).
 */

export interface Cue {
  /** zh-CN label shown to staff. */
  readonly label: string;
  /** Pattern over normalised text; must not use the g/y flags (the engine adds g). */
  readonly re: RegExp;
  readonly weight: number;
  /** A negator right before the match cancels it. */
  readonly negatable?: boolean;
}

/** Characters that end a clause after normalisation (used by proximity patterns). */
const CLAUSE = '[^,.!?;:。\\n]';
/** Up to n characters inside the same clause. */
const w = (n: number) => `${CLAUSE}{0,${n}}`;
const re = (source: string) => new RegExp(source);

// ---------------------------------------------------------------------------------------------
// Category 1 — cutting / limiting water, power, gas, heat (整治重点1)
// A category-1 finding needs an act (UTILITY_CUT) *and* a coercive motive (COERCION_MOTIVE or
// retaliation); a bare outage is usually the utility company's or the property's planned works.
// ---------------------------------------------------------------------------------------------

export const UTILITY_CUT: readonly Cue[] = [
  { label: '停水/停电/停气/停暖', re: /停(了|过)?(水|电(?![梯动瓶话脑视])|燃?气(?!味)|暖|热水)/, weight: 3, negatable: true },
  { label: '断水/断电/断气', re: /断(了)?(水|电(?![梯动瓶话脑视])|燃?气|暖|供)|断我水电/, weight: 3, negatable: true },
  { label: '停止供水/供电/供气/供暖', re: /(停止|中断|切断)[^,.!?]{0,8}(供水|供电|供气|供暖|供热|供应|用水|加压泵)/, weight: 3, negatable: true },
  { label: '把水电气暖停了/关了', re: re(`(水|电源|水源|电(?!梯)|燃气|天然气|暖气|气)(给|都|也)?(被${w(6)})?(停|断|关|掐)(了|掉|闭)`), weight: 3, negatable: true },
  { label: '停(我家)的水电', re: re(`(停|断|关)(了)?(其|我|他们?)?(家|家中|户|单元|楼)?${w(4)}的(水|电|燃气|天然气|暖气)`), weight: 3, negatable: true },
  { label: '停其家中用水用电', re: /停(了|过)?(其|我|他|我们|他们)?(家中?|户|单元|楼)?的?(用水|用电|供水|供电|燃气|天然气|暖气|水|电(?![梯动瓶话脑视])|气)/, weight: 3, negatable: true },
  { label: '不给供水供电供暖', re: /不给[^,.!?]{0,4}(供暖|供水|供电|供气|送电|开暖气)|不开(水|电|暖气)/, weight: 3, negatable: true },
  { label: '切断用水用电', re: /(用电|用水|供电|供水|燃气|电源|水源)[^,.!?]{0,2}(切断|中断|关闭|停止)/, weight: 3, negatable: true },
  { label: '给关了/给停了', re: /(给|被物业)(关|停|断|掐)(了|掉)/, weight: 2, negatable: true },
  { label: '拉闸断电', re: /拉(了)?(电)?闸|电闸(给)?拉|拉闸/, weight: 3, negatable: true },
  { label: '关闭阀门/总闸', re: /(总阀|阀门|总闸|水闸|水阀|气阀)[^,.!?]{0,2}(关|拉|锁)|关(了|闭|掉)?[^,.!?]{0,6}(总阀|阀门|总闸|水闸|水阀|气阀)|燃气表关断|关断/, weight: 3, negatable: true },
  { label: '锁电表/拆电表', re: /电卡锁|锁(了)?电卡|电表箱上锁|电表箱[^,.!?]{0,6}断电|打开[^,.!?]{0,4}电表箱|电表(给)?拆|拆(了|掉)?[^,.!?]{0,4}电表|拆表|(电表|水表|阀门?|电表箱|水阀)[^,.!?]{0,8}封条/, weight: 3 },
  { label: '限时限量供水供电', re: /限时供|限量供|限电|限水|每日限供|只供[^,.!?]{0,4}(水|一小时|两个小时)|每天(只|仅)(在|给)?[^,.!?]{0,10}(供水|送电|供电)|仅供电|仅在[^,.!?]{0,10}供水/, weight: 3 },
  { label: '关停供水泵', re: /(泵房|水泵|加压泵)[^,.!?]{0,8}(关|停)/, weight: 2 },
];

/** The household is without the utility right now (used for urgency, not for the category). */
export const UTILITY_OUT_STATE: readonly Cue[] = [
  { label: '目前无水/无电/无气', re: /没(有)?(水|电(?![梯话])|气|暖气)(用|了)?|全部无水|开不了火|点蜡烛|洗不了澡|冷得|无水可用|无电|无水|没来水|还没来|还没电|还是黑的|屋里黑|做不了饭|无法做饭|没有来电|仍处于停电|处于停电|仍未恢复|快没电|靠买桶装水|不够用/, weight: 1 },
];

export const COERCION_MOTIVE: readonly Cue[] = [
  { label: '以欠费为由', re: /欠费|拖欠|欠缴|欠了|晚交|迟交|少交|没人交|催[^,.!?]{0,6}费|结清|补(上|交|齐|缴)|先交|交了[^,.!?]{0,4}(物业费|费)|欠[^,.!?]{0,3}费|没交|未交|不交|拒交|拒绝(缴|交)|未缴|不缴|没缴|补缴|交清|交了才|交钱|交费|催费|催缴|差价/, weight: 2 },
  { label: '以不配合管理为由', re: /不配合|拒绝(签|配合)|拒签|(没|未|没有)(去)?办理|提出异议|存在分歧|分歧/, weight: 2 },
  { label: '逼迫/施压', re: /逼(迫|我们|业主|我)?|迫使|施压|为由|惩罚|一律停/, weight: 1.5 },
];

/** Outage causes that are not the property company's coercion (exclusions for category 1). */
export const UTILITY_COMPANY: readonly Cue[] = [
  { label: '供电/供水/燃气公司', re: /供电(公司|局|所)|电力公司|自来水公司|供水(公司|部门)|燃气公司|水务/, weight: 3 },
  { label: '管网抢修/计划检修', re: /管网|管道抢修|抢修|爆管|计划检修|变压器|线路故障|片区停电|整个片区|施工挖断|挖断|换表/, weight: 3 },
];

export const NOT_THE_PROPERTY: readonly Cue[] = [
  { label: '否定：非物业所为', re: /不是物业|并非物业|非物业|不怪物业|跟(他们|物业)没关系|与物业无关|不是他们停/, weight: 4 },
];

/** The property's own planned, notified works: not coercion (category 0, housing). */
export const PLANNED_WORKS: readonly Cue[] = [
  { label: '计划施工/检修已通知', re: /水箱清洗|清洗水箱|配电房检修|(设备|设施|配电|水箱|管道)[^,.!?]{0,4}(检修|维保|保养|清洗)|年度检修|设施维保|维修保养|[\d]+(时|点)至[^,.!?]{0,2}[\d]+(时|点)|年检|提前[^,.!?]{0,4}通知|已提前张贴|通知贴了|计划于/, weight: 3 },
  { label: '户内线路自身故障', re: /跳闸|线路老化|户内线路/, weight: 3 },
];

// ---------------------------------------------------------------------------------------------
// Category 2 — unauthorised use of common parts; failing to stop and report violations (整治重点2)
// ---------------------------------------------------------------------------------------------

export const COMMON_PARTS: readonly Cue[] = [
  {
    label: '共用部位/公共场地',
    re: /共用部位|公共部位|共用设施|共有|业主的(地盘|地方)|全体业主的|公共(区域|空地|绿地|通道|走廊|用房|车位|活动室|场地|停车场|屋面)|楼道|中庭|大堂|大厅|游乐场|游泳池|占道|进小区|小区门口|登高场地|场地|大门|墙(?!体)|公共走道|绿地|绿化带|草坪|广场|架空层|会所|楼顶|屋顶|地下室|楼梯间|外墙|电梯(轿厢|间|里)|单元门口|消防通道|车棚|篮球场|活动室|大门口|主干道|道路两侧|地下车库|人防/,
    weight: 1,
  },
];

export const COMMERCIAL_USE: readonly Cue[] = [
  { label: '擅自出租/经营', re: /出租|租给|租出去|承包给?|对外经营|对外营业|经营|擅自利用|牟利|按月收费|售货机|按摩椅|商家合作|收益归谁|摆[^,.!?]{0,4}摊|摊贩|摊点|商贩|叫卖|卖(菜|烟酒|水果|东西)|收人家|开[^,.!?]{0,2}(麻将馆|棋牌室|洗车店|便利店)|改成了?门面|做停车场|收了?[^,.!?]{0,4}(租金|场地费)|场地费|卖给/, weight: 2 },
  { label: '改变用途/占用', re: /改(成|为|造成|建成)|建成|划(设|定|成)?[^,.!?]{0,6}停车位|铺水泥|封闭|搭(了|建)|安装基站|占用|占(的是|了)/, weight: 2 },
  { label: '广告', re: /(投放|张贴|贴满|悬挂|装了|挂|招来的|放)[^,.!?]{0,8}(广告|海报)|广告(公司|收益|费|屏)|小广告|传单|推销活动|海报/, weight: 2 },
];

/** The property company itself lets third parties trade or advertise on the estate. */
export const PERMITS_TRADING: readonly Cue[] = [
  { label: '物业允许他人经营', re: /(默许|允许|放任|让)[^,.!?]{0,12}(商贩|摊|(?<!外)卖|推销|经营|广告)/, weight: 3 },
];

export const VIOLATION: readonly Cue[] = [
  { label: '违法建设/违规装修', re: /私搭乱建|私自开挖|开挖|私自(改|建|搭|挖)|违建|违章建筑|违法建筑|加盖|加建|违规搭建|搭建[^,.!?]{0,4}(棚|房)|鸽棚|改成住人|拆除承重墙|承重墙/, weight: 2 },
  { label: '群租/住改商', re: /群租|隔成|私设隔断|隔断|圈入|改成餐馆|住宅改|改为群租|无证/, weight: 2 },
  { label: '擅自改变用途', re: /改造成|改建成|改成/, weight: 1.5 },
  { label: '私拉电线/圈占/毁绿', re: /私拉电线|飞线|圈地|圈起来|毁坏公共绿地|毁绿|种菜|堆东西|养鸡|赌博|棋牌室|防盗门/, weight: 2 },
  { label: '占用消防通道/乱停放', re: /乱停乱放|消防通道[^,.!?]{0,6}(堵|占)|堵塞/, weight: 1.5 },
];

export const INACTION: readonly Cue[] = [
  { label: '物业不劝阻不制止不报告', re: /不管不问|不制止|不但不制止|装聋作哑|明明知道|未采取[^,.!?]{0,4}措施|未加阻止|(未|没有?|不)阻止|未予?(制止|劝阻)|没有?劝阻|当没看见|视而不见|装看不见|不闻不问|当不知道|没人来处理|不劝阻|既不劝阻|明知而不制止|也不上报|不上报|未(向|上)[^,.!?]{0,10}报告|未履行|管不了|也不管|都不管|也不处理|不予处理|默许|放任|看着|未予劝阻/, weight: 2 },
];

// ---------------------------------------------------------------------------------------------
// Category 3 — leaking owner information; colluding with the 业委会; harassment, intimidation,
// retaliation, violence (整治重点3)
// ---------------------------------------------------------------------------------------------

export const DATA_LEAK: readonly Cue[] = [
  { label: '泄露业主信息', re: /泄露|泄漏|个人信息|隐私|信息表|信息保护|登记表|身份证号码/, weight: 3 },
  { label: '公开/转交业主身份信息', re: re(`(电话|手机号|号码|联系方式|复印件|房号|姓名|名字|名单|住址|地址|人脸|车牌|出入记录|身份证|录音|聊天记录)${w(14)}(公开|公示|发到|发给|提供给|交给|卖给|转交|给了|告知|共享|散布|散播|写出来|贴出来|贴出|张贴|挂出来|截图|随便放)|(公开|发到|提供给|转交给?|卖给)${w(10)}(姓名|房号|电话|手机号|身份证|信息)`), weight: 3 },
  { label: '身份证件随意放置', re: /身份证(复印件|照片)/, weight: 1.5 },
];

export const RETALIATION: readonly Cue[] = [
  { label: '打击报复', re: /报复|公报私仇|穿小鞋|刁难|记住这些人|还敢不敢|看你还敢|重点关注/, weight: 3 },
  { label: '针对投诉人拒绝服务', re: /就不给|不给我家|排(到)?最后|点(我)?名|阴阳怪气|故意拖|拒绝为其|停止为其|扣下不给|别人都能[^,.!?]{0,4}就我不行|就我不行/, weight: 2.5 },
  { label: '投诉/维权/曝光之后', re: /投诉|发帖|维权|质疑|曝光|拍了|反对|说了句|网上|带头/, weight: 1 },
];

/** 业委会 as a wrongdoer: scanned in a window around each mention of 业委会/业主委员会. */
export const COMMITTEE_MENTION = /业委会|业主委员会/g;
export const COMMITTEE_NOT_WRONGDOER_BEFORE = /(冒充|向|找|给|由|请|让)$/;
export const COMMITTEE_WRONGDOING: readonly Cue[] = [
  { label: '业委会串通/勾结物业', re: /串通|勾结|沆瀣一气|穿一条裤子|好处|一起把|和物业一起|与物业[^,.!?]{0,4}(共同|串通|勾结)|交给物业|提供给物业|共同侵害/, weight: 3 },
  { label: '业委会伪造/阻挠/越权', re: /伪造|阻挠|阻止|拒不|挪用|私分|独断专行|擅自|越权|不作为|未换届|不换届|拒不组织|塞票|不代表业主|压下去|私自|私下|背着[^,.!?]{0,4}业主|视而不见|傀儡|不盖章|联手|一伙|压着|物业养的|帮物业|补贴|收买|传声筒|(?<!被)拒绝(与|签|配合)|默许|(没|未)(开|召开|经)[^,.!?]{0,2}业主大会|凭什么代表/, weight: 3 },
];

/** Mentions of a utility company that are a price comparison, not the cause of an outage. */
export const UTILITY_PRICE_COMPARISON = /(比|按|像)[^,.!?]{0,3}$|^[^,.!?]{0,4}(的价格|价格|才|贵|便宜|多收)/;

/** Words that make the property company (not a third party) the actor. */
export const COMPANY_ACTOR = /物业|保安|经理|管家|催收|工作人员|员工/;
/** The property company named as a victim of impersonation or explicitly not the actor. */
export const COMPANY_NOT_ACTOR = /冒充物业|非物业人员|不是物业的人|对方非物业/;

// ---------------------------------------------------------------------------------------------
// Rule 1 of SPEC §5: violence, threats, intimidation, harassment, fraud, theft, vandalism → police
// ---------------------------------------------------------------------------------------------

export const POLICE: readonly Cue[] = [
  { label: '暴力殴打', re: /殴打|打人|打了(我|他|人|业主|一巴掌|[^,.!?]{0,3}保安)|被打|被[^,.!?]{0,4}打了|把[^,.!?]{0,8}打了|打了一顿|围起来打|暴打|群殴|斗殴|打架|持棍|持械|肢体冲突|受伤|推倒|拳打脚踢|挫伤|揍|动手|打起来|推搡|砍人|拿着刀|持刀|流血|打伤/, weight: 4, negatable: true },
  { label: '威胁恐吓', re: /威胁|恐吓|收拾|颜色看看|弄死|打死|整死|要你好看|住不下去|道上的|走着瞧|不会放过|后果自负|打断[^,.!?]{0,3}腿|小心点|找人[^,.!?]{0,4}(收拾|弄|打)|混混|社会人员|黑社会/, weight: 4, negatable: true },
  { label: '围堵限制人身', re: /围堵|堵着|堵在|堵我|蹲我|围着我|不让(我|其)?(出门|离开|走)/, weight: 4, negatable: true },
  { label: '骚扰滋扰', re: /骚扰(?!电话)|半夜敲[^,.!?]{0,3}门|大字报|叫骂|骂人|辱骂|骂骂咧咧|(跟|对)(我|其)?[^,.!?]{0,8}骂|(拍|砸|踹)[^,.!?]{0,4}门|(到|去|来|上门)[^,.!?]{0,10}吵闹|闹事|纠缠|侮辱|(深夜|半夜|夜里)[^,.!?]{0,8}敲门|喧哗|打电话施压|跟踪|尾随|跟在[^,.!?]{0,6}后面|不敢下楼|不敢出门/, weight: 4, negatable: true },
  { label: '毁坏财物', re: /泼油漆|扎破|划字|划车|(车|车身|漆)[^,.!?]{0,4}被人?划|被人?划(了|花|伤)|刮花|剪断|(把|将|被人|故意|找人|他们)[^,.!?]{0,10}砸(坏|烂|了)|摔了|灌胶水|胶水|胶水堵|毁坏[^,.!?]{0,4}(车|门|锁|财物)/, weight: 4, negatable: true },
  { label: '已报警', re: /(已|快|我|来电人|刚)报(警|案)|报了警|报警了/, weight: 4 },
  { label: '诈骗', re: /诈骗|被骗|骗取|骗钱|骗了|冒充|欺诈|骗子|下落不明|卷款|携款/, weight: 4, negatable: true },
  { label: '盗窃抢夺', re: /(?<!偷)偷(?!偷|工|懒)|被盗|盗窃|撬盗|偷盗|盗走|撬(车|门|锁)|小偷|失窃|抢走|抢了/, weight: 4, negatable: true },
];

/** A threat whose object is a utility cut or a lawsuit (category 1 / lawful collection), not harm to a person. */
export const THREAT_OF_CUT = /(威胁|扬言|恐吓)[^,.!?]{0,14}(停|断|关|掐|不给|起诉|告)/;

/** Violence or threats happening right now (urgency for police-led leads). */
export const VIOLENCE_NOW = /正在|快报警|(?<!到)现在|还在(?!夜间|晚上|半夜|深夜|白天)|还没走|快来|赶紧|立即|马上|求助|目前正|近几天|这几天|[一二三四五六七八九十半\d]+(个)?(小时|分钟)了|半小时了/;

/** SPEC §5 rule 2: an explicit request for credit punishment → credit department leads. */
export const CREDIT_REQUEST: readonly Cue[] = [
  { label: '要求列入黑名单/失信惩戒', re: /黑名单|失信|联合惩戒|信用(黑名单|惩戒|记录|扣分|平台)|纳入信用|拉黑/, weight: 4, negatable: true },
];

// ---------------------------------------------------------------------------------------------
// Category 4 — walking off / stopping service; refusing to leave or hand over (整治重点4)
// ---------------------------------------------------------------------------------------------

export const WALK_OFF: readonly Cue[] = [
  { label: '擅自撤离/跑路', re: /撤离|撤场|撤出|撤走|全撤了|撤了|下周撤|要撤|跑路|跑了|卷钱|不干了|要走了|(都|全)走了|走人|卷铺盖|(?<!清)退出小区|人去楼空|电话[^,.!?]{0,2}停机|办公室[^,.!?]{0,4}锁|退出(本)?项目|卷走|带走了?预收/, weight: 3 },
  { label: '停止物业服务', re: /停止(提供)?[^,.!?]{0,4}(物业)?服务|(保洁|绿化|维修|门岗|服务)[^,.!?]{0,10}全部停止|宣布停止服务|停止门岗|无人值守|小区没人管/, weight: 3 },
];

export const HANDOVER_REFUSAL: readonly Cue[] = [
  { label: '拒不撤离', re: /拒不撤|不肯走|(赖着|拖着|就是|也|偏|硬是|还)不走|霸着|仍占用|还占着|强占|拒不退出/, weight: 3 },
  { label: '拒不移交资料用房', re: /拒不移交|不移交|未移交|拒绝[^,.!?]{0,10}移交|(不|不肯|拒不)交出|藏起来|(拦|挡|堵)[^,.!?]{0,6}(门外|进场|不让进)|进不了场|无法进场|钥匙不交|门锁换了|(原|老)物业[^,.!?]{0,6}(继续留|留在)|拒不办理交接|不交钥匙|拒不配合[^,.!?]{0,6}交接|带走了?[^,.!?]{0,12}(档案|资料|图纸|台账|钥匙)|(阻挠|阻止)[^,.!?]{0,12}进场/, weight: 3 },
  { label: '交接/进场受阻', re: /交接|移交|进场|进不来|进不去|不让进|拆走|全带走/, weight: 1.5 },
  { label: '新旧物业更替', re: /原物业|老物业|新物业|新选聘|已中标/, weight: 1.5 },
  { label: '合同到期/解聘', re: /合同(已|于)?[^,.!?]{0,6}(到期|终止)|解聘|不续聘|不续签|合同期内/, weight: 1 },
];

// ---------------------------------------------------------------------------------------------
// Category 5 — missing public disclosure (整治重点5)
// ---------------------------------------------------------------------------------------------

export const DISCLOSURE_MISSING: readonly Cue[] = [
  {
    label: '未公示/不公开',
    re: /(未|没有?|不|从未|从来没(有)?|从不|拒绝|拒不|都不|也不|既不|也未|既未|一直没有?)[^,.!?]{0,12}(公示|公开|公布|张贴|贴出来|明码标价)|没贴|不贴出来|连个[^,.!?]{0,6}都没有|(撕|揭)(掉|了)|没(有)?补|从来没[^,.!?]{0,10}(看|见)过|公示栏[^,.!?]{0,4}(没有|找不到|空)|没(有)?标|未标|不标价|不给看|不让(查|看)|拒绝查阅|信息缺失|缺失|过期的通知|空空的|空号|没有任何价目表|没有[^,.!?]{0,6}(价目表|牌子|标价)|未明码标价/,
    weight: 3,
  },
  { label: '要求公示', re: /(要求|督促|能不能|按规定|应当|依法)[^,.!?]{0,8}(公示|公开|贴出来|张贴|标出来)|公示一下|公示出来|更新公示|有权知道/, weight: 2 },
];

/** Fee items, standards, parking and paid-service prices → market regulation (明码标价). */
export const DISCLOSURE_FEE_SUBJECT: readonly Cue[] = [
  { label: '收费项目/收费标准/明码标价', re: /收费(项目|标准|方式|依据)|明码标价|价目表|价格(表|牌)?|多少钱|临停|计算方式|分摊|公摊|工本费|清运费|物业费[^,.!?]{0,6}(多少|标准)|一平米多少钱|有偿[^,.!?]{0,4}服务|有偿维修|停车(收)?费|停车收费|临时停车|车位租赁|充电桩收费|标准牌子|收费[^,.!?]{0,4}牌子|收费公示/, weight: 2 },
];

/** Shared revenue, complaint phone, lift maintenance, contract → housing. */
export const DISCLOSURE_OTHER_SUBJECT: readonly Cue[] = [
  { label: '公共收益收支', re: /公共收益|收支|账目|一分钱账|公开账目|内部账|广告(费|收入)|出租收入|场地租金|租金|收入|维修(资金|基金)/, weight: 2 },
  { label: '投诉电话', re: /投诉(举报)?电话|举报电话/, weight: 2 },
  { label: '电梯维保单位及联系方式', re: /维保(单位|公司|电话)?|特种设备|应急联系电话/, weight: 2 },
  { label: '服务合同/服务标准/人员信息', re: /服务合同|服务标准|服务人员信息/, weight: 1.5 },
];

// ---------------------------------------------------------------------------------------------
// Category 6 — unauthorised fee rises, 转供电 mark-ups, other unreasonable charges (整治重点6)
// ---------------------------------------------------------------------------------------------

export const FEE_RISE: readonly Cue[] = [
  { label: '擅自提高收费标准', re: /上调|涨价|涨了|上涨|涨至|涨为|上浮|提至|翻倍|翻了一番|比(去年|以前|原来|上个?月)[^,.!?]{0,4}(贵|高|多)|提高[^,.!?]{0,4}(收费|标准)|提价|调高|涨到|变相提高|说变就变|单独收/, weight: 3 },
  { label: '收费标准前后对比', re: /从[\d.一二三四五六七八九十百]+(元|块)?(涨|调|上调)?到[\d.一二三四五六七八九十百]+|由[^,.!?]{0,8}[\d.]+元?[^,.!?]{0,2}(上调|调整?|提高)至|说好的[\d.]+|[\d.]+元?[^,.!?]{0,2}(调整|调)(为|到|至)[\d.]+/, weight: 2 },
];

export const POWER_MARKUP: readonly Cue[] = [
  { label: '转供电/代收加价', re: /转供电|加价|(电|水|气)[^,.!?]{0,8}差价|(拒交|不交)差价|(水|电|燃?气)费[^,.!?]{0,8}(贵|高出|多收)|贵(了)?一倍|贵[^,.!?]{0,3}倍|线损|损耗费|多收了?[\d一二三四五六七八九两]*(毛|元|块|钱)|加收|贵[\d一二三四五六七八九两]+毛|比[^,.!?]{0,8}(电网|供电局|电价|燃气公司)[^,.!?]{0,6}(贵|高)|高于[^,.!?]{0,4}(电价|电费|成本|指导价)|(电网|供电局|供电公司|自来水公司|燃气公司|国家电价)[^,.!?]{0,4}(才|只要|只有)/, weight: 3 },
  { label: '水价每吨', re: /(每|一)吨[^,.!?]{0,3}[\d一二三四五六七八九]/, weight: 2 },
  { label: '电价每度', re: /(每度(电)?[^,.!?]{0,3}[\d一二三四五六七八九]|[\d.]+元?一度|[一二三四五六七八九两]块[一二三四五六七八九]?一度|[\d.]+元[^,.!?]{0,2}一度|按每度)/, weight: 3 },
];

export const UNREASONABLE_CHARGE: readonly Cue[] = [
  { label: '乱收费/不合理收费', re: /乱收费|不合理收费|收费不合理|不合理费用|收费随意|收费过高|过高|偏高|太贵|想收多少收多少|认为[^,.!?]{0,6}不合理|收得?[^,.!?]{0,8}(没(有)?道理|道理都没有)/, weight: 3 },
  { label: '自立名目', re: /自己定了?个|自己(把)?[^,.!?]{0,4}定(成|为)|(买|购买|使用)[^,.!?]{0,6}指定的|非要[^,.!?]{0,6}买|强制[^,.!?]{0,4}买|外面(买)?才|自立名目|巧立名目|自行设立/, weight: 3 },
  { label: '重复/额外/搭售收费', re: /重复收费|另收|另行收取|额外收取|搭售|强制[^,.!?]{0,4}(购买|搭售)|还要另/, weight: 3 },
  { label: '交费才给办理', re: /才给(办|开|发)|不交[^,.!?]{0,6}不(给|予)(办|开)/, weight: 2 },
  { label: '无依据收费', re: /无任何(法律)?依据|无依据|没有依据|没有这回事|根本没有这回事|凭什么|凭啥/, weight: 2 },
  { label: '未经业主大会', re: /(未|没)(经|召开|开过?)[^,.!?]{0,4}业主大会|业主大会[^,.!?]{0,4}没开|背着业主|业主不知情|未征求[^,.!?]{0,4}意见/, weight: 1.5 },
  { label: '押金/保证金不退', re: /押金[^,.!?]{0,16}不(退|予退还)|不退(押金|保证金)/, weight: 3 },
  { label: '押金/保证金', re: /押金|保证金/, weight: 1 },
  { label: '不享受服务也收费', re: /也要交|也得交|也要收|不用[^,.!?]{0,6}(也|还)要?(交|收)/, weight: 2 },
  { label: '自立名目收费', re: /(?<![未没不欠拒])(收(?![益入支])|交|缴|定了个|什么|搭售|买)[^"]{0,12}"[^"]{1,10}(费|卡|金)"/, weight: 3 },
  { label: '索要具体费用', re: /(收|交)[^,.!?]{0,8}费[^,.!?]{0,4}(每[件户张月年方])?[\d一二三四五六七八九两百千]+(元|块)|费[^,.!?]{0,6}收[^,.!?]{0,2}[\d一二三四五六七八九两百千]+/, weight: 2 },
  { label: '质疑是否合理', re: /合理吗|算不算乱收费|合理不/, weight: 1 },
  { label: '收取费用', re: /收(取|了|到)?[^,.!?]{0,10}[\d一二三四五六七八九两百千]+(元|块)|每(户|件|张|方|吨|小时|年|月)[^,.!?]{0,6}[\d一二三四五六七八九两]+(元|块|毛)?|收费|[^,.!?]{1,6}费/, weight: 0.5 },
];

/** A fee change made through the lawful procedure, or a plain question about a charge. */
export const LAWFUL_FEE_PROCESS: readonly Cue[] = [
  { label: '经业主大会依法调价', re: /(业主大会|三分之二)[^,.!?]{0,8}(同意|决议|表决通过)|按法定程序|依法催缴|根据业主大会决议/, weight: 3, negatable: true },
];

export const CONSULTATION: readonly Cue[] = [
  { label: '咨询/询问', re: /咨询|询问|请问|想问|问一下|问下|是否合理|是否合法|有权收取|合法吗|合法么|有效吗|怎么(办|申请|成立|召开|交)|如何|在哪里/, weight: 1 },
];

// ---------------------------------------------------------------------------------------------
// "Other" (category 0) routing — SPEC §5 rule 5
// ---------------------------------------------------------------------------------------------

/** Property-service quality and property-rule questions → housing. */
export const SERVICE_QUALITY: readonly Cue[] = [
  { label: '物业服务质量', re: /维修不及时|未及时处理|(尚|还)?未处理|没(人)?处理|不及时|不修|没人修|无人修|报修|维修|保洁|卫生|垃圾|路灯|楼道灯|化粪池|污水|下水道|打扫|清扫|没人(打扫|清理|管)|补种|外墙|空鼓|瓷砖|保温层|电梯[^,.!?]{0,8}(故障|坏|停|困)|门禁|监控|绿化|积水|排水|态度|服务(质量|差|不到位)|形同虚设|摆设|只收钱不干活|敷衍|效率|健身器材|保安|门岗|漏水|冒烟|脱落|电线裸露|困人/, weight: 2 },
  { label: '物业管理规则问题', re: /物业费|停车费|收费标准|维修资金|催费|催缴|起诉|传票|装修|防盗网|车位|停车场|门禁系统|人脸|物业服务合同|收费标准|调价|有偿维修|疏通费|保证金|赔偿|合同到期|不续|物业[^,.!?]{0,4}规定|有没有权(利|力)/, weight: 1.5 },
  { label: '涉及物业', re: /物业/, weight: 1 },
];

/** Service failure by the property in a police-led case (adds housing as co-department). */
export const SERVICE_FAILURE_WITH_CRIME = /保安不管|保安不巡逻|监控损坏|监控[^,.!?]{0,6}坏|保安[^,.!?]{0,6}(睡觉|不在|不管|不巡逻)|物业[^,.!?]{0,6}(不管|不作为|未修)|保安就在旁边|形同虚设/;

/** Committee / community governance → civil affairs. */
export const GOVERNANCE: readonly Cue[] = [
  { label: '业委会/业主大会事务', re: /业委会|业主委员会|换届|选举|选票|投票箱|成立业委会/, weight: 3 },
  { label: '业主大会程序', re: /业主大会/, weight: 2 },
  { label: '社区/街道治理', re: /居委会|居民自治|社区和街道|踢皮球|老旧小区/, weight: 3 },
];

/** Matters outside the campaign departments → 'none' (answered or referred, not dispatched). */
export const OUTSIDE_REMIT: readonly Cue[] = [
  { label: '房东与租户纠纷', re: /房东|二房东|租户|租客|租住|出租屋|房租|租房/, weight: 5 },
  { label: '邻里纠纷/噪音', re: /楼上(的人|那家|住户|邻居|那户|小孩|天天|漏水)|楼上[^,.!?]{0,4}漏水|隔壁|邻居家|跺脚|拖椅子|狂叫|唱K|电钻|琴声|钢琴|冷柜|压缩机/, weight: 2.5 },
  { label: '噪音扰民', re: /噪音|噪声|吵死|吵得|太吵|扰民|睡不着|影响休息/, weight: 1 },
  { label: '开发商/交房/办证', re: /开发商|交房|不动产权证|房产证|办证|面积缩水|虚假宣传|售楼处|规划/, weight: 5 },
  { label: '表扬感谢', re: /表扬|点赞|点个赞|感谢|致谢|锦旗|表彰/, weight: 4, negatable: true },
  { label: '其他部门事项', re: /公交|公租房|河道|烧烤摊|渣土车|工地|共享单车|天然气表|电费账单|环保部门/, weight: 4 },
];

// ---------------------------------------------------------------------------------------------
// Urgency — ongoing harm now
// ---------------------------------------------------------------------------------------------

export const ONGOING: readonly Cue[] = [
  {
    label: '正在发生/持续中',
    re: /现在|目前|至今|仍未|仍在|仍处于|还没(走|来|电|水|恢复)|还是黑|还在(?!夜间|晚上|半夜|深夜|白天)|到现在|今天|今日|今晨|今晚|正在|正值|已经[^,.!?]{0,6}(天|小时|上午|半小时|一周)|已持续|第[一二三四五六七八九十\d]+天|(\d+|[一二三四五六七八九十两])(天|个钟头|小时)了|一上午了|半小时了|近几天|这几天|从本周起|本月[^,.!?]{0,6}起|起[^,.!?]{0,6}至今|还困着/,
    weight: 2,
  },
  { label: '紧急求助', re: /快来|快报警|急!|【急】|急$|紧急|立即|赶紧|求助|马上|立即出警|麻烦快点/, weight: 2 },
];

export const PAST: readonly Cue[] = [
  { label: '已恢复/已过去', re: /(已经?|现已|才|后来?|第二天才|一周后|都)恢复|恢复了|(?<![未没])恢复[^,.!?]{0,2}(供|正常)?了/, weight: 3 },
  { label: '过去的事件', re: /去年|上个?月|上周|之前|以前|曾(经)?|当时|那次|上次|虽然/, weight: 1 },
  { label: '多次/长期（非单一当前事件）', re: /多次|屡教不改|屡次|一再|长期|年年|故技重施|动不动|经常|总是/, weight: 1 },
];

/** Future or threatened acts ("将停水", "下个月就不给供暖"): not yet harm. */
/**
 * Future, threatened or hypothetical cut ("将停止供电", "下个月就不给供暖", "物业无权停电"). Tested on the
 * clause before a cut cue plus the cue's first two characters (so that 将 + 停 is seen, while the
 * disposal 将 in "将其电表箱上锁" is not).
 */
export const FUTURE_BEFORE_CUT = /(将(要|会|于|停|断|关|采取|实行|实施|限|对)|要停|就要|就会|会停|下周|下月|下个月|月底|一律|扬言|声称|如不|能不能|能否|是否|无权|不能|不得|可不可以|可以这样|准备|打算|威胁|不(交|缴)[^,.!?]{0,8}就|下礼拜|下星期|下个?礼拜|明天|后天|即将)[^,.!?]{0,16}$/;

export const LIFT_TRAP: readonly Cue[] = [
  { label: '电梯困人', re: /困人|被困|困在|困着人|关在电梯/, weight: 3 },
];

export const SAFETY_DANGER: readonly Cue[] = [
  { label: '安全险情', re: /冒烟|起火|着火|火警|持续报警|漏电|电线裸露|燃气泄漏|漏气|险些|砸中|摇摇欲坠|随时可能|(随时|还有)[^,.!?]{0,4}(掉落|坠落|危险)|大量积水|开始[^,.!?]{0,4}积水|倒塌|坍塌|楼体安全|施工仍在进行/, weight: 3 },
];

export const VULNERABLE: readonly Cue[] = [
  { label: '老人/婴幼儿/孕妇/病人', re: /老人|婴儿|孩子|伢|娃|孕妇|病人|卧床|制氧机|手术|心脏病|七旬|八十岁|刚出生/, weight: 1 },
  { label: '寒冬/严寒', re: /寒冬|严冬|寒潮|才几度|温度很低/, weight: 1 },
];
