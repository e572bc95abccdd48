// 五星市场监督管理所评定指标 (附件1 of the national document, with 附件3), transcribed in
// full: 5 first-level, 21 second-level, 46 third-level indicators, 121 criteria, the bonus
// table, the veto kinds and the notes (有关说明 1-12). Texts are the document's, with the
// PDF line breaks and the spaces around digits removed; the circled digit and the points
// of a criterion are kept in their own fields, not in the text.
//
// Sources (domain guide, "Where each criterion's points come from"): DATA criteria name
// their rule; ATTESTED ones the 附件3 items; everything else is ASSESSED by a reviewer.
import { STAFFING_TYPES } from '../../domain/vocabulary.js';
import { attested, buildTree, c, data, type FirstLevelSpec } from '../build.js';
import type { BonusCategoryRule, CertificationItem, Rubric, RubricNote, VetoKindRule } from '../model/rubric.js';

export const NATIONAL_2023_VERSION = 'national-2023';

const TREE: FirstLevelSpec[] = [
  {
    name: '履职绩效',
    points: 25,
    children: [
      {
        number: 1,
        name: '市场准入',
        points: 2,
        indicators: [
          {
            number: 1,
            name: '根据职责办理市场准入相关事项，优化办理流程，严格执行首问负责制、一次性告知制、服务承诺制，实现当场办结、一次办结、限时办结。',
            points: 2,
            starred: true,
            materials: ['1.1 办理市场准入相关制度。', '1.2 办理市场准入流程图。', '1.3 2023年2月至5月业务办理记录。'],
            criteria: [
              c(1, '根据职责办理市场准入相关事项，采取便利化手段为申请人提供业务指导以及相关政策、法规和信息的咨询服务。'),
              c(0.5, '严格执行首问负责制、一次性告知制、服务承诺制。'),
              c(0.5, '业务办理按规定实现当场办结、一次办结、限时办结。'),
            ],
          },
        ],
      },
      {
        number: 2,
        name: '日常监管',
        points: 12,
        indicators: [
          {
            number: 2,
            name: '按要求对辖区内市场主体、监管对象和市场经济活动进行日常监管，如实记录检查情况，及时处置检查结果。',
            points: 2,
            starred: true,
            materials: [
              '2.1 市场监管所“三定”规定或职责清单。',
              '2.2 市场主体和监管对象基本情况介绍（包括总量、按行业分类情况等，800字以内）。',
              '2.3 2023年3月1日至31日日常监管现场执法检查文书。',
            ],
            criteria: [
              c(0.5, '监管责任明确、市场主体和监管对象底数清楚。'),
              c(
                1,
                '按规定的频次、范围、内容对辖区内市场主体、监管对象和市场经济活动进行日常监管，建有监管台账，如实记录检查情况，做到检查事项无遗漏、检查过程记录完整、检查资料齐全、检查结论准确、行政文书规范。',
              ),
              c(0.5, '依法处置检查中发现的问题，规定时限内处置率100%。'),
            ],
          },
          {
            number: 3,
            name: '按职责开展食品生产经营安全、药品零售安全、特种设备使用安全和工业产品质量安全等重点领域的监管，落实监管责任。',
            points: 2.5,
            starred: true,
            materials: [
              '3.1 县级市场监管部门2023年首次部署的专项检查事项通知或方案，及相应检查情况记录。',
              '3.2 宣传、教育、培训等活动照片。',
              '3.3 县级市场监管部门出具的无重大安全责任事故证明材料。',
            ],
            criteria: [
              c(0.5, '按职责开展食品生产经营安全、药品零售安全、特种设备使用安全和工业产品质量安全等重点领域监管，责任明确、分工具体。', attested(1)),
              c(1, '按法律法规规章等规定和上级部署，开展监督检查，对发现的问题及时处置，形成闭环，无因监管责任缺失被通报或问责等问题。', attested(2)),
              c(1, '通过加强宣传、教育、培训等方式，督促重点生产经营单位、监管对象落实安全主体责任，无重大安全责任事故发生。', attested(3)),
            ],
          },
          {
            number: 4,
            name: '按要求开展“双随机、一公开”监管和信用分级分类监管，建立健全辖区监管对象清单并动态完善。确定职责范围内的重点监管事项，加强重点监管。',
            points: 2.5,
            starred: true,
            materials: [
              '4.1 2023年2月至5月开展“双随机、一公开”的任务通知，相应的监管任务台账（台账中应包括检查对象、检查结果、完成时限和公示情况）。',
              '4.2 重点监管事项清单和2023年2月至5月以来的监管记录。',
            ],
            criteria: [
              c(1, '按期规范完成“双随机、一公开”监管和信用分级分类监管任务。及时处置发现的问题，形成闭环。检查结果录入系统准确率100%。'),
              c(1, '辖区内市场主体情况底数清，各业务条线监管对象清单健全，数据更新及时，数据与实际符合率达到95%以上。'),
              c(0.5, '职责范围内重点监管事项明确，动态建立重点监管事项台账。'),
            ],
          },
          {
            number: 5,
            name: '智慧化监管手段得到广泛运用，监管智能化程度高。',
            points: 3,
            starred: true,
            materials: [
              '5.1 智慧化监管手段运用的情况介绍（400字以内）及近2年最具有代表性的案例。',
              '5.2 近1年各领域智慧监管终端系统运行画面截图各1张。',
              '5.3 市场监管所其他能够运用智慧监管手段开展监管工作的情况介绍（400字以内）。',
            ],
            criteria: [
              c(1, '主动运用大数据、云计算等手段及时发现、处理监管风险和违法线索。'),
              c(1, '利用“互联网+”等手段对餐饮企业等监管领域实时动态监控。'),
              c(1, '市场监管所能够运用其他智慧监管手段开展监管工作。'),
            ],
          },
          {
            number: 6,
            name: '按要求开展辖区内的专项整治活动，成效显著。开展快速检测，协助上级部门开展抽检抽样，依法做好不合格产品后处理工作。',
            points: 2,
            starred: true,
            materials: [
              '6.1 最近一次完成的专项整治工作通知、动员部署、总结等材料或照片。',
              '6.2 2023年2月至5月快速检测台账及不合格产品后处理执法文书。',
            ],
            criteria: [
              c(1, '按照上级要求，完成专项整治，及时上报检查结果，做到真实有效，发现违法违规行为依法依规予以处置，形成闭环。'),
              c(1, '按序时进度开展快速检测，协助上级部门开展抽检抽样，依法查处市场主体拒检行为，依法依规完成抽检不合格产品后处理。'),
            ],
          },
        ],
      },
      {
        number: 3,
        name: '执法办案',
        points: 5.5,
        indicators: [
          {
            number: 7,
            name: '依法依规严格查办违法行为案件，做到执法程序规范、公正文明。案件按规定时限录入系统，及时归档。',
            points: 3,
            starred: true,
            materials: [
              '7.1 2023年2月至5月中已办结的一般程序案件台账（包含处罚对象、处罚结果、法制审核情况等），其中1个案卷扫描件及录入系统的截屏。',
            ],
            criteria: [
              c(0.5, '执法主体适格，违法主体认定正确。'),
              c(1, '违法事实调查清楚、证据收集符合法定要求、行政强制措施符合法定要求、违法行为定性及法律适用准确，办案程序合法。'),
              c(1, '处罚幅度得当，符合过罚相当原则，执行及罚没财物处理符合法定要求。'),
              c(0.5, '案件按规定时限录入系统，案件文书流程与信息化系统保持同步，案卷按规定及时装订、立卷归档。', data('CASE_ENTRY_AND_ARCHIVING', {})),
            ],
          },
          {
            number: 8,
            name: '落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，实现执法信息公开透明、执法全过程留痕、执法决定合法有效。',
            points: 1.5,
            starred: true,
            materials: ['8.1 2023年2月至5月中已办结的一般程序案件中1个案件执法过程中书面或音视频等记录材料。'],
            criteria: [
              c(0.5, '落实行政执法公示制度，按规定做到行政执法事前事中事后公示，实现执法信息公开透明。', data('CASE_PUBLICITY', {})),
              c(
                0.5,
                '落实行政执法全过程记录制度，通过书面和音视频记录的方式对立案登记、调查取证、审查决定、送达执行、归档管理等行政执法全过程进行记录，做到执法行为过程信息全程记载、执法全过程可回溯管理、执法全过程留痕。',
                data('CASE_FULL_PROCESS_RECORD', {}),
              ),
              c(0.5, '落实重大执法决定法制审核制度，实现重大执法决定法制审核全覆盖、执法决定合法有效。', data('CASE_LEGAL_REVIEW', {})),
            ],
          },
          {
            number: 9,
            name: '案件办理质量高，案卷评查合格率高。',
            points: 1,
            starred: false,
            materials: ['9.1 县级市场监管部门最近一次出具的案卷评查结果。'],
            criteria: [
              c(0.5, '案卷评查合格率100%。', data('CASE_FILE_REVIEW', { minPassPct: 100 })),
              c(0.5, '无因行政复议、行政诉讼被纠错情形。', data('NO_OVERTURNED_CASES', {}, 4)),
            ],
          },
        ],
      },
      {
        number: 4,
        name: '投诉举报',
        points: 3,
        indicators: [
          {
            number: 10,
            name: '按规定处理投诉举报，按期办结。',
            points: 3,
            starred: true,
            materials: [
              '10.1 县级市场监管部门提供的2022年度12315平台投诉按时初查率、按时办结率、调解成功率的系统截图。',
              '10.2 县级市场监管部门提供的2022年度12315平台举报按时核查率系统截图，2023年2-5月处理实名举报的举报单1份。',
              '10.3 推进消费纠纷源头治理，在12315“五进”、线下购物无理由退货、在线消费纠纷解决或多元纠纷化解等工作中取得突出成效的实例材料（800字以内）。',
            ],
            criteria: [
              c(1, '投诉按时初查率达到100%，投诉按时办结率达到100%，投诉调解成功率高于全国平均值。', data('COMPLAINT_HANDLING', { minCheckedOnTimePct: 100, minClosedOnTimePct: 100 })),
              c(1, '举报按时核查率达到100%，实名举报的，依规告知实名举报人是否立案的决定。', data('REPORT_HANDLING', { minVerifiedOnTimePct: 100, minNotifiedPct: 100 })),
              c(1, '推进消费纠纷源头治理，在12315“五进”、线下购物无理由退货、在线消费纠纷解决或多元纠纷化解等工作中取得一项以上突出成效并有实例证明。'),
            ],
          },
        ],
      },
      {
        number: 5,
        name: '惠民利企',
        points: 2.5,
        indicators: [
          {
            number: 11,
            name: '落实“谁执法谁普法”普法责任制，积极拓展普法宣传手段和渠道。',
            points: 1,
            starred: true,
            materials: [
              '11.1 近1年开展的普法宣传典型活动的照片2张，其中使用传统媒介的照片1张、新媒介的照片1张。',
              '11.2 近1年开展的4次普法宣传活动照片，并附文字描述200字。',
            ],
            criteria: [
              c(0.5, '在电子显示屏、公众服务窗口、宣传栏等传统媒介基础上，拓展微博、微信、微视频等新媒介开展普法宣传。'),
              c(0.5, '推进普法宣传进乡村、进社区、进学校、进企业、进网络，通过法治讲座、行政指导、发布典型案例等方式开展群众性普法宣传，每年不少于4次。'),
            ],
          },
          {
            number: 12,
            name: '服务主动高效，服务内容形式多样。',
            points: 0.5,
            starred: false,
            materials: ['12.1 近1年开展的1个服务项目的通知或照片等资料，并附活动说明（200字以内）。'],
            criteria: [c(0.5, '开展你点我检、放心消费示范单位创建等服务项目每年不少于5项。')],
          },
          {
            number: 13,
            name: '“小个专”党建工作经验成效明显。',
            points: 1,
            starred: true,
            materials: ['13.1 2023年2月至5月指导“小个专”主体开展党建工作的记录或照片。'],
            criteria: [
              c(0.5, '按照上级有关规定和要求，设立“小个专”党建工作指导站。'),
              c(0.5, '配合地方党委有关部门指导符合条件的“小个专”主体按规定成立党支部或联合党支部并开展党建工作，实现“小个专”党的组织和工作双覆盖。'),
            ],
          },
        ],
      },
    ],
  },
  {
    name: '党建引领',
    points: 15,
    children: [
      {
        number: 6,
        name: '支部建设',
        points: 2,
        indicators: [
          {
            number: 14,
            name: '按规定成立党支部或联合党支部。支部班子坚强有力、团结和谐，重大事项集体研究讨论决定。',
            points: 2,
            starred: true,
            materials: ['14.1 近2年被上级党组织评为先进党支部的证书或相关材料。', '14.2 近1年重大事项集体研究讨论记录或相关材料。'],
            criteria: [
              c(1, '党支部班子坚强有力、团结和谐，近2年曾被上级党组织评为先进党支部。'),
              c(1, '党支部班子分工明确，重大事项集体研究讨论，有记录及其他证明材料。'),
            ],
          },
        ],
      },
      {
        number: 7,
        name: '组织生活',
        points: 6,
        indicators: [
          {
            number: 15,
            name: '“三会一课”、谈心谈话、主题党日、组织生活会、民主评议党员等组织生活制度健全，执行规范有力。',
            points: 3,
            starred: true,
            materials: ['15.1 近1年支部党员大会、支委会、党小组会的会议记录，支部书记讲党课照片1张。'],
            criteria: [
              c(1, '按规定落实“三会一课”制度，定期召开支部党员大会、支委会、党小组会，按时上好党课。'),
              c(0.5, '党支部委员与一般干部开展谈心谈话一年不少于1次，书记了解党员干部的思想状态等情况。'),
              c(0.5, '定期开展主题党日，每次主题党日党员参与率不低于80%。'),
              c(0.5, '每年至少召开1次组织生活会。'),
              c(0.5, '每年开展1次民主评议党员。'),
            ],
          },
          {
            number: 16,
            name: '支部年度工作有计划，目标明确，措施具体，落实到位。',
            points: 1.5,
            starred: false,
            materials: ['16.1 支部年度工作计划、年度工作总结。'],
            criteria: [c(0.5, '支部有年度工作计划，目标明确、措施有力。'), c(1, '年度工作按计划落实，重点工作有研究、有分析、有总结。')],
          },
          {
            number: 17,
            name: '关心关爱市场监管所党员、干部，培树身边先进典型。学习宣传党员干部模范，彰显榜样力量。',
            points: 1.5,
            starred: false,
            materials: ['17.1 党员先锋示范岗创建情况介绍或评优评先记录等树典型材料。'],
            criteria: [
              c(0.5, '通过开展谈心谈话、走访慰问等多种形式，在政治上激励、工作上支持、心理上关怀、生活上关心党员干部。'),
              c(0.5, '通过创建党员先锋示范岗、评先评优等方式，大力培树身边典型。'),
              c(0.5, '组织党员干部学习先进模范人物。'),
            ],
          },
        ],
      },
      {
        number: 8,
        name: '党风廉政',
        points: 7,
        indicators: [
          {
            number: 18,
            name: '严格履行党风廉政主体责任，落实“一岗双责”。党员干部严格遵守党风廉政建设有关规定。',
            points: 2,
            starred: true,
            materials: ['18.1 支部书记述责述廉报告。'],
            criteria: [
              c(1, '按要求开展述责述廉，接受评议和监督。'),
              c(1, '党员队伍风清气正，近2年党员干部无违规违纪情况。', data('NO_DISCIPLINARY_RECORDS', {}, 5)),
            ],
          },
          {
            number: 19,
            name: '加强党员监督管理，定期开展廉政警示教育。',
            points: 1,
            starred: true,
            materials: ['19.1 近1年基层所开展4次廉政警示教育的活动记录等材料。'],
            criteria: [c(1, '开展廉政警示教育活动或参加上级组织的学习教育活动每季度至少1次。畅通监督举报渠道，设有举报电话、举报邮箱等并向群众公开。')],
          },
          {
            number: 20,
            name: '全面推行廉政风险点防范管理，定期开展岗位廉政风险点排查，制定防范措施。',
            points: 1.5,
            starred: false,
            materials: ['20.1 岗位廉政风险防范清单。'],
            criteria: [c(1, '建立岗位廉政风险防范清单，制定具体可行的防范措施。'), c(0.5, '定期开展廉政风险点排查，形成长效机制。')],
          },
          {
            number: 21,
            name: '加强行风建设，完善落实机制。',
            points: 2.5,
            starred: true,
            materials: ['21.1 2023年2月至5月行风教育方案、照片等材料。'],
            criteria: [
              c(1, '定期开展行风教育，以案释纪、以案释法。'),
              c(0.5, '无办事拖拉、推诿扯皮、敷衍塞责问题。'),
              c(0.5, '无随意检查、多头检查、重复检查现象，无任性执法、简单粗暴、畸轻畸重、以罚代管等现象。'),
              c(0.5, '无数据造假等弄虚作假行为，无收取不正当费用行为，无吃拿卡要等权力寻租行为。'),
            ],
          },
        ],
      },
    ],
  },
  {
    name: '内部管理',
    points: 15,
    children: [
      {
        number: 9,
        name: '事权划分',
        points: 3,
        indicators: [
          {
            number: 22,
            name: '市场监管所事权清单科学合理，与县级局内设机构、执法队职责边界清晰。',
            points: 3,
            starred: false,
            materials: ['22.1 科所队事权划分清单。', '22.2 基层所与内设机构、执法队联动的情况介绍（800字以内）。'],
            criteria: [
              c(2, '有市场监管所事权清单，市场监管所基本职责与县级局内设机构和执法队事权划分清晰、合理。'),
              c(1, '内设机构、基层所和执法队联动机制健全，运行良好。'),
            ],
          },
        ],
      },
      {
        number: 10,
        name: '岗位职责',
        points: 2,
        indicators: [
          {
            number: 23,
            name: '岗位设置合理，岗位职责清晰明确，业务流程规范。',
            points: 2,
            starred: true,
            materials: ['23.1 市场准入、执法办案、投诉举报等主要业务流程图、业务操作手册。'],
            criteria: [c(0.5, '依据职能合理设置岗位，职责清晰明确。'), c(0.5, '人员定岗定位，落实岗位责任制。'), c(1, '业务流程规范，操作手册齐全。')],
          },
        ],
      },
      {
        number: 11,
        name: '制度运行',
        points: 6,
        indicators: [
          {
            number: 24,
            name: '内部管理制度健全，符合日常管理需要。',
            points: 1,
            starred: true,
            materials: [],
            criteria: [c(1, '建立健全学习、培训、会议、考勤、安全、档案、资产、应急、保密等管理制度。各项制度符合实际、科学合理、操作性强。')],
          },
          {
            number: 25,
            name: '定期召开所务会，严格落实考勤制度，加强应急安全管理。资产账实相符，档案归档及时完整。严守保密纪律，落实请示报告制度。',
            points: 5,
            starred: true,
            materials: ['25.1 资产财物登记台账。'],
            criteria: [
              c(1, '定期召开所务会，通过传达学习上级市场监管部门重要会议和有关文件精神，研究贯彻落实意见，布置工作任务等。'),
              c(0.5, '有考勤记录，无长期旷工人员。'),
              c(0.5, '有相应的安全、应急预案，无失火、被盗等安全事故发生。'),
              c(0.5, '建立资产财物登记台账，账实相符。'),
              c(0.5, '内部档案保存完好，实现信息化管理，无丢失事件发生。'),
              c(1, '落实保密安全管理措施，无失泄密情形，不泄露当事人隐私。', attested(6)),
              c(1, '落实请示报告制度，重要事项及时请示，重大问题随时报告，程序合规，资料完备，无迟报、漏报、瞒报情形。', attested(7)),
            ],
          },
        ],
      },
      {
        number: 12,
        name: '文化建设',
        points: 2,
        indicators: [
          {
            number: 26,
            name: '打造特色文化，将文化内涵融入到市场监管所各项工作。所内凝聚力、向心力较强。',
            points: 2,
            starred: false,
            materials: ['26.1 特色文化介绍。', '26.2 近1年来1-2项所内文化活动有关照片等材料。'],
            criteria: [
              c(1, '结合辖区实际，打造特色文化，氛围浓厚，与市场监管工作有机结合，形成亮点。'),
              c(1, '所内文化活动丰富，形式多样，积极健康，人人参与。'),
            ],
          },
        ],
      },
      {
        number: 13,
        name: '行为规范',
        points: 2,
        indicators: [
          {
            number: 27,
            name: '工作人员仪表得体、举止端庄、谈吐文明。接待群众热情、细致。',
            points: 1,
            starred: true,
            materials: [],
            criteria: [c(0.5, '工作人员仪表得体、举止端庄、谈吐文明。', attested(12)), c(0.5, '接待群众来电来访主动热情、细致耐心、用语规范。')],
          },
          {
            number: 28,
            name: '行政执法人员严格执行《综合行政执法制式服装和标志管理办法》。其他人员结合实际规范着装。',
            points: 1,
            starred: true,
            materials: [],
            criteria: [
              c(0.5, '行政执法人员按规定规范着装，保持制服整洁，无制式服装与其他服装混穿现象。', attested(12)),
              c(0.5, '除行政执法人员外的所内其他工作人员和辅助人员结合实际规范着装。'),
            ],
          },
        ],
      },
    ],
  },
  {
    name: '队伍建设',
    points: 20,
    children: [
      {
        number: 14,
        name: '班子建设',
        points: 7,
        indicators: [
          {
            number: 29,
            name: '领导班子政治坚定、坚强有力、结构合理、业绩突出。',
            points: 4,
            starred: true,
            materials: ['29.1 近2年市场监管所年度考核获得优秀的相关材料。', '29.2 近2年省级以上报纸媒体等相关报道材料。'],
            criteria: [
              c(0.5, '配齐配强领导班子，结构合理。'),
              c(1, '领导班子政治坚定、业务精湛、团结协作。'),
              c(1.5, '市场监管所在年度考核中获得过优秀等次。', data('STATION_RATED_EXCELLENT', { years: 2 })),
              c(1, '基层建设、队伍建设等典型经验、创新做法在省级以上报纸刊物（含政务信息内部刊物）或媒体刊发报道。'),
            ],
          },
          {
            number: 30,
            name: '所长专业素养好，监管执法经验丰富，组织管理能力强，善于抓班子、带队伍。',
            points: 3,
            starred: false,
            materials: ['30.1 近2年所长或副所长在市级局以上或县级以上地方政府组织的培训班、现场会等授课邀请函及相关材料。'],
            criteria: [
              c(1, '所长大局观念强，落实工作时，领悟准、部署快、行动实、成效好，全所工作协力配合。'),
              c(0.5, '所长具备大学本科以上学历，取得执法资格。', data('DIRECTOR_QUALIFIED', {})),
              c(1, '所长或副所长在市级局以上或县级以上地方政府组织的培训班、现场会等受邀授课。'),
              c(0.5, '所长及副所长无核查属实的被投诉举报和信访事项。', attested(8)),
            ],
          },
        ],
      },
      {
        number: 15,
        name: '人员配备',
        points: 8,
        indicators: [
          {
            number: 31,
            name: '监管执法力量向市场监管所下沉，用足用好市场监管所编制资源，引导优秀干部到基层所锻炼。',
            points: 4,
            starred: false,
            materials: ['31.1 “三定”规定或相关人员配备政策文件。', '31.2 基层所干部一览表。'],
            criteria: [
              c(1, '按照“三定”规定或相关人员配备政策文件，配齐配强基层所干部。', data('STAFF_COMPLEMENT', {})),
              c(1, '新录用编内人员连续基层所工作经历满两年以上，无未满两年调动到县级局机关的情形。', attested(9)),
              c(2, '被借调人员借出履行相关手续，比例不超过总编制数10%，一个评定周期内所有借出人员被借调时间累计不超过半年。', data('SECONDMENT_LIMITS', { maxSharePct: 10, maxTotalMonths: 6 }, 10)),
            ],
          },
          {
            number: 32,
            name: '人员专业结构科学，法律、食品、药品、医学、工业产品、特种设备等专业背景的人员满足工作需要。',
            points: 2.5,
            starred: true,
            materials: ['32.1 特种设备安全监察员证书照片（姓名页、有效期页）。'],
            criteria: [
              c(0.5, '工作人员数量满足工作需要，本科及以上学历人员不低于60%。', data('BACHELOR_SHARE', { minSharePct: 60 })),
              c(
                1,
                '市场监管专业匹配度高，具有法律、食品、药品、医学、工业产品、特种设备等专业背景的工作人员占在编人员比例不少于40%。',
                data('RELEVANT_MAJOR_SHARE', { minSharePct: 40 }),
              ),
              c(1, '承担特种设备安全监管职责的市场监管所至少有2名人员持有B类安全监察员证。', data('SPECIAL_EQUIPMENT_INSPECTORS', { minInspectors: 2 }), 'SPECIAL_EQUIPMENT'),
            ],
          },
          {
            number: 33,
            name: '监管执法人员会监管、会办案、会服务、会维权，实现“一专多能”。',
            points: 1,
            starred: true,
            materials: [],
            criteria: [c(1, '监管执法人员积极参加法律知识相关考试，除两年内新录用以外的公务员执法证持有率100%。', data('ENFORCEMENT_CERT_COVERAGE', { newHireExemptYears: 2 }))],
          },
          {
            number: 34,
            name: '严格落实辅助人员管理办法规定，无辅助人员违规从事监管执法等情形。',
            points: 0.5,
            starred: false,
            materials: ['34.1 辅助人员管理办法。'],
            criteria: [
              c(
                0.5,
                '严格落实行政执法辅助人员管理办法规定，无辅助人员独立从事下列工作情形：行政执法的立（销）案、受理、调查、审核，作出行政执法决定，以及从事开展法律、法规、规章禁止的其他事项。',
                attested(11),
              ),
            ],
          },
        ],
      },
      {
        number: 16,
        name: '教育培训',
        points: 3,
        indicators: [
          {
            number: 35,
            name: '定期开展理论、业务学习活动，学习氛围浓厚。',
            points: 1.5,
            starred: false,
            materials: ['35.1 2023年2月至5月相关学习记录等材料（包括会议学习、以案代训等不同形式）。'],
            criteria: [
              c(0.5, '落实定期学习制度，定期开展学理论、学政策、学法规、学业务活动。'),
              c(1, '学习形式多样，有且不限于科（股）所队互学互助、以案代训、所长大讲堂等方式。'),
            ],
          },
          {
            number: 36,
            name: '认真落实培训制度，按要求参加上级组织的培训。',
            points: 1.5,
            starred: true,
            materials: [
              '36.1 所内全体工作人员参加脱产培训相关材料和线上培训学时材料。',
              '36.2 近2年所长参加省级局以上示范培训或跨地区学习交流活动每年不少于1次的证明材料。',
            ],
            criteria: [
              c(0.5, '全年培训时间达标，工作人员每年累计不少于12天或者90学时，包括相关培训机构组织的脱产培训和网络培训。', data('ANNUAL_TRAINING', { minOfflineDays: 12, minTotalHours: 90 })),
              c(1, '所长参加总局、省级市场监管部门示范培训或上级市场监管部门组织的跨地区学习交流活动每年不少于1次。', data('DIRECTOR_PROVINCIAL_TRAINING', { minPerYear: 1, years: 2 })),
            ],
          },
        ],
      },
      {
        number: 17,
        name: '激励保障',
        points: 2,
        indicators: [
          {
            number: 37,
            name: '关心关爱工作人员身心健康。',
            points: 2,
            starred: false,
            materials: ['37.1 体检通知等相关材料。', '37.2 其他关心关爱措施证明材料。'],
            criteria: [c(1, '工作人员每年定期健康体检。', data('HEALTH_CHECKS', {})), c(1, '其他关心关爱措施。')],
          },
        ],
      },
    ],
  },
  {
    name: '基础保障',
    points: 25,
    children: [
      {
        number: 18,
        name: '形象标识',
        points: 3,
        indicators: [
          {
            number: 38,
            name: '按要求规范使用局徽，统一规范外观形象标识、办公环境标识、设施装备标识，视觉效果鲜明，凸显市场监管特色。',
            points: 3,
            starred: true,
            materials: [
              '38.1 局徽标志使用照片1张。',
              '38.2 按照《市场监督管理系统标识使用规范》要求，有市场监管标识的楼体照片1张、市场监管所名称牌匾照片1张、车辆照片1张，其他在细节上有市场监管标识物品的照片1-2张。',
            ],
            criteria: [
              c(1, '局徽制作使用符合《市场监管总局关于市场监管标志（局徽）样式及其使用管理、制作等事项的通知》。'),
              c(2, '外观形象标识、办公环境标识、设施装备标识等符合《市场监督管理系统标识使用规范》要求。视觉效果鲜明，凸显市场监管特色。'),
            ],
          },
        ],
      },
      {
        number: 19,
        name: '办公条件',
        points: 8,
        indicators: [
          {
            number: 39,
            name: '有独立或相对独立的工作场所。办公用房、业务用房和其他用房功能齐全，能够满足日常工作生活需要。整体环境干净整洁。',
            points: 5,
            starred: true,
            materials: ['39.1 办公用房平面布局图。', '39.2 服务大厅整体照片1张。'],
            criteria: [
              c(1, '有独立或相对独立的工作场所。', data('INDEPENDENT_PREMISES', {})),
              c(
                2,
                '办公室、综合服务大厅、执法装备库、问询室、调解室、快检室、罚没物品库、党建活动室、档案室、会议室、值班室等办公用房、业务用房和其他用房合理设置、功能齐全。',
                data('FUNCTIONAL_ROOMS', {}),
              ),
              c(1, '临时休息室、食堂、卫生间能够满足日常工作生活需要。', data('LIVING_FACILITIES', {})),
              c(1, '设施设备完好，整体环境干净整洁。'),
            ],
          },
          {
            number: 40,
            name: '根据工作实际规范设置便民服务、档案等设施设备。',
            points: 3,
            starred: false,
            materials: [
              '40.1 服务、档案等设施设备台账。',
              '40.2 综合服务大厅设施照片，人员信息、工作职责、服务流程等公开照片。',
              '40.3 所内档案柜照片1张、档案盒分类管理整体照片1张。',
            ],
            criteria: [
              c(1, '根据工作实际规范设置设施、设备。'),
              c(1, '综合服务大厅接待、宣传、自助、便民、无障碍等服务设施设备齐全，公开人员信息、工作职责、服务流程等。'),
              c(1, '档案室配备统一档案柜、档案盒，市场准入、日常监管、消费维权、执法办案等工作资料分类管理。'),
            ],
          },
        ],
      },
      {
        number: 20,
        name: '设施装备',
        points: 9,
        indicators: [
          {
            number: 41,
            name: '按需配齐办公设备。',
            points: 2,
            starred: true,
            materials: ['41.1 办公设备配置清单。', '41.2 视频会议设备照片1张。'],
            criteria: [
              c(1, '按需配齐办公设备，其中计算机每人至少1台。', data('COMPUTERS_PER_STAFF', { computersPerStaff: 1 })),
              c(0.5, '配备打印机、复印机、扫描仪，能够满足工作需要。', data('PRINT_COPY_SCAN', {})),
              c(0.5, '配备视频会议系统，能够正常运行。', data('VIDEO_CONFERENCE', {})),
            ],
          },
          {
            number: 42,
            name: '按需配齐执法、个人防护装备。',
            points: 3.5,
            starred: true,
            materials: ['42.1 执法装备配备清单。'],
            criteria: [
              c(2, '按需配齐执法装备，其中执法执勤机动车（汽车、摩托车）不少于1辆，电动自行车按需配备。', data('ENFORCEMENT_VEHICLE', {})),
              c(
                1,
                '配备手持执法终端、执法记录仪执法人员每人1台或每组1台，承担特种设备安全监管职责的市场监管所应当配备个人防护等装备',
                data('TERMINALS_AND_CAMERAS', { officersPerGroup: 2 }),
              ),
              c(0.5, '配备便携式计算机和打印机、快速检测装备。', data('PORTABLE_FIELD_KIT', {})),
            ],
          },
          {
            number: 43,
            name: '配置电子监控系统、消防安全控制系统、采暖制冷设备，运行正常。',
            points: 1.5,
            starred: false,
            materials: ['43.1 电子监控总控室终端显示照片1张、消防安全设备照片1张、采暖制冷设备照片1张。'],
            criteria: [
              c(0.5, '按需配置电子监控系统。', data('SURVEILLANCE_SYSTEM', {})),
              c(0.5, '按需配置消防安全控制系统。', data('FIRE_CONTROL_SYSTEM', {})),
              c(0.5, '按需配置采暖制冷设备。', data('HEATING_COOLING', {})),
            ],
          },
          {
            number: 44,
            name: '各类设施设备及时优化升级，使用便捷高效。',
            points: 2,
            starred: false,
            materials: [],
            criteria: [c(2, '办公设备、执法装备和服务设备等各类设施设备根据工作需要及时优化升级，使用便捷高效。')],
          },
        ],
      },
      {
        number: 21,
        name: '信息化建设',
        points: 5,
        indicators: [
          {
            number: 45,
            name: '信息化设施完善，网络基础设施和信息化设备配备齐全，运行简便快捷。',
            points: 1,
            starred: true,
            materials: [],
            criteria: [
              c(0.5, '信息化设施完善，网络基础设施和信息化设备配备齐全，运行简便快捷，满足工作学习需要。'),
              c(0.5, '开通互联网、业务专网或电子政务外网，网络接口覆盖主要办公区域，网络安全和数据安全符合相关要求。', data('NETWORKS', {})),
            ],
          },
          {
            number: 46,
            name: '配备信息管理员，办公信息化程度高。',
            points: 4,
            starred: false,
            materials: ['46.1 工作人员常用业务系统介绍（200字以内）。'],
            criteria: [
              c(0.5, '至少配有1名信息管理员(可兼职）。', data('INFORMATION_ADMINISTRATOR', {})),
              c(1.5, '工作人员能熟练使用各类信息化业务系统。'),
              c(1, '工作人员能熟练使用办公自动化系统，无纸化程度高。'),
              c(1, '各类市场监管信息归集报送及时准确。'),
            ],
          },
        ],
      },
    ],
  },
];

const TOP_BODIES = '省委省政府或中央国家机关';
const CITY_BODIES = '市委市政府或省级机关';
const COUNTY_BODIES = '县委县政府或市级机关';

/** 加分项目 (1)-(8); level tiers per note 12 (awards) and the document's wording (the rest). */
const BONUS_CATEGORIES: BonusCategoryRule[] = [
  {
    category: 'AWARD',
    number: 1,
    text: '近5年集体或个人受到国家级表彰奖励（5分），受到省部级表彰奖励（4分），受到地市级表彰奖励（3分）。',
    evidence: '相关表彰奖励的决定、证书、奖牌扫描件或照片。',
    windowYears: 5,
    points: { kind: 'TABLE', byLevel: { NATIONAL: 5, PROVINCIAL: 4, MUNICIPAL: 3, COUNTY: 0 } },
    levelBodies: { NATIONAL: '党中央、国务院、中央军委', PROVINCIAL: '省委省政府、中央和国家机关', MUNICIPAL: '市委市政府、省级机关' },
  },
  {
    category: 'COMMENDATION',
    number: 2,
    text: '集体或个人受到省委省政府或中央国家机关通报表扬（3分），受到市委市政府或省级机关通报表扬（2分）。',
    evidence: '相关通报表扬的正式文件扫描件或照片。',
    windowYears: 2,
    points: { kind: 'TABLE', byLevel: { NATIONAL: 3, PROVINCIAL: 3, MUNICIPAL: 2, COUNTY: 0 } },
    levelBodies: { NATIONAL: TOP_BODIES, PROVINCIAL: TOP_BODIES, MUNICIPAL: CITY_BODIES },
  },
  {
    category: 'INNOVATION_ADOPTED',
    number: 3,
    text: '首创的监管思路、方式或手段得到省委省政府或中央国家机关肯定或推广（3分），得到市委市政府或省级机关肯定或推广（2分），得到县委县政府或市级机关肯定或推广（1分）。',
    evidence: '首创的监管思路、方式或手段相关经验材料，线上线下肯定或推广相关报道、文件扫描件或照片。',
    windowYears: 2,
    points: { kind: 'TABLE', byLevel: { NATIONAL: 3, PROVINCIAL: 3, MUNICIPAL: 2, COUNTY: 1 } },
    levelBodies: { NATIONAL: TOP_BODIES, PROVINCIAL: TOP_BODIES, MUNICIPAL: CITY_BODIES, COUNTY: COUNTY_BODIES },
  },
  {
    category: 'TALENT_POOL',
    number: 4,
    text: '工作人员入选省委省政府或中央国家机关人才库（2分），入选市委市政府或省级机关人才库（1分）。',
    evidence: '相关单位的正式文件扫描件或照片。',
    windowYears: 2,
    points: { kind: 'TABLE', byLevel: { NATIONAL: 2, PROVINCIAL: 2, MUNICIPAL: 1, COUNTY: 0 } },
    levelBodies: { NATIONAL: TOP_BODIES, PROVINCIAL: TOP_BODIES, MUNICIPAL: CITY_BODIES },
  },
  {
    category: 'TYPICAL_CASE',
    number: 5,
    text: '执法案件等业务工作或经验做法被省委省政府或中央国家机关作为典型案例发布（3分），被市委市政府或省级机关作为典型案例发布（2分）。',
    evidence: '被确认为典型案例的相关文件材料、相关宣传报道复印件。',
    windowYears: 2,
    points: { kind: 'TABLE', byLevel: { NATIONAL: 3, PROVINCIAL: 3, MUNICIPAL: 2, COUNTY: 0 } },
    levelBodies: { NATIONAL: TOP_BODIES, PROVINCIAL: TOP_BODIES, MUNICIPAL: CITY_BODIES },
  },
  {
    category: 'EXPERIENCE_SHARING',
    number: 6,
    text: '集体或个人在省委省政府或中央国家机关专项会议、培训班等活动中作经验交流、典型发言、专题授课（2分），在市委市政府或省级机关专项会议、培训班等活动中作经验交流、典型发言、专题授课（1分）。',
    evidence: '相关经验交流、典型发言、专题授课的受邀函、发言材料等。',
    windowYears: 2,
    points: { kind: 'TABLE', byLevel: { NATIONAL: 2, PROVINCIAL: 2, MUNICIPAL: 1, COUNTY: 0 } },
    levelBodies: { NATIONAL: TOP_BODIES, PROVINCIAL: TOP_BODIES, MUNICIPAL: CITY_BODIES },
  },
  {
    category: 'COMPETITION_TOP3',
    number: 7,
    text: '集体或个人在省委省政府或中央国家机关组织的业务竞赛、练兵比武等活动中取得前3名（2分），在市委市政府或省级机关组织的业务竞赛、练兵比武等活动中取得前3名（1分）。',
    evidence: '参加业务竞赛、练兵比武等活动，获得的相关证书扫描件或照片等材料。',
    windowYears: 2,
    points: { kind: 'TABLE', byLevel: { NATIONAL: 2, PROVINCIAL: 2, MUNICIPAL: 1, COUNTY: 0 } },
    levelBodies: { NATIONAL: TOP_BODIES, PROVINCIAL: TOP_BODIES, MUNICIPAL: CITY_BODIES },
  },
  {
    category: 'OTHER',
    number: 8,
    text: '其他可以加分的情形。',
    evidence: '其他证明材料。',
    windowYears: 2,
    points: { kind: 'EVENT', min: 0, max: 10, step: 0.5 },
    levelBodies: {},
  },
];

const VETO_KINDS: VetoKindRule[] = [
  { kind: 'STAFF_DISCIPLINED', number: 1, text: '工作人员因违规违纪违法受到党纪、政务等处分或刑事处罚。' },
  { kind: 'SUPERVISION_FAILURE', number: 2, text: '因监管不力、不作为、乱作为等造成不良影响或后果。' },
  { kind: 'ANNUAL_REVIEW_FAILED', number: 3, text: '市场监管所及其工作人员在年度考核或其他考核中被确定为不合格、不称职或相当等次。' },
  { kind: 'RATING_FRAUD', number: 4, text: '在评定工作中弄虚作假。' },
  { kind: 'OTHER', number: 5, text: '其他不宜参加等级评定的情形。' },
];

const NOTES: RubricNote[] = [
  {
    number: 1,
    text: '五星所评定指标体系依据《市场监管总局关于加强市场监督管理所标准化规范化建设的指导意见》《市场监督管理所建设规范（暂行）》《关于市场监管基层执法装备配备的指导意见》《市场监督管理系统标识使用规范》等文件制定；',
  },
  { number: 2, text: '省级、市级市场监管部门参照本指标体系制定四星所、三星所评定指标体系，本指标体系中标记※的指标为四星所、三星所必备指标；' },
  {
    number: 3,
    text: '各省局结合材料审核及实地考察情况在“得分”栏中为基层所打分，申报单位根据五星所申报材料清单准备材料，并根据提供材料情况如实填写“提供材料目录”一栏；',
  },
  { number: 4, text: '市场监管所未承担职责的指标项，视为“合理缺项”，请在“提供材料目录”一栏中注明，无需准备相关材料；' },
  { number: 5, text: '加分项中同一事项只加一次分，加分累计不超过10分；' },
  { number: 6, text: '五星所总分必须达到90分以上；' },
  { number: 7, text: '具有任一否定项，则不能参加等级评定；' },
  {
    number: 8,
    text: '表中需要县级市场监管局出具的证明事项另附模板，由县级市场监管局出具1份盖章认定证明即可。直辖市的市场监管所相关证明材料由县（区）市场监管局提供；',
  },
  { number: 9, text: '不同指标中要求的市场监管所“三定”规定或职责清单、科所队事权划分清单、基层所干部一览表等共性材料，提供一套即可；' },
  {
    number: 10,
    text: '近5年指的是2018年5月31日至2023年5月31日；近2年指的是2021年5月31日至2023年5月31日；近1年指的是2022年5月31日至2023年5月31日。除特别标明时间段的材料，其他需要按照时限准备的材料，均以近2年为期；',
  },
  { number: 11, text: '表内工作人员指在编人员，不包括辅助人员；' },
  {
    number: 12,
    text: '加分项中国家级表彰奖励指的是党中央、国务院、中央军委授予的荣誉称号和开展的表彰奖励；省部级表彰奖励指的是省委省政府、中央和国家机关开展的表彰奖励；地市级表彰奖励指的是市委市政府、省级机关开展的表彰奖励。',
  },
];

/** 附件3 市场监管所证明材料. */
const CERTIFICATION_ITEMS: CertificationItem[] = [
  { item: 1, text: '根据“三定”规定和职责清单，2022年度重点领域监管实现全覆盖。' },
  { item: 2, text: '近2年未发生因监管责任缺失被通报或问责的情形。' },
  { item: 3, text: '近2年未发生重大安全责任事故。' },
  { item: 4, text: '近2年未出现因行政复议、行政诉讼被纠错的情形。' },
  { item: 5, text: '近2年所内党员干部未发生违规违纪情况。' },
  { item: 6, text: '近2年未出现失泄密情形。' },
  { item: 7, text: '近2年未出现迟报、漏报、瞒报重大事项的情形。' },
  { item: 8, text: '近2年所长和副所长未发生查核属实的被投诉举报和信访事项。' },
  { item: 9, text: '近2年新录用编内人员无未满两年调动到县级局机关情况。' },
  { item: 10, text: '近2年所内被借出人员被借调时间累计不超过半年。' },
  { item: 11, text: '近2年所内辅助人员未发生违规从事监管执法情形。' },
  { item: 12, text: '所内工作人员日常工作中在行风建设、言行举止、着装规范等方面符合相关规定。' },
];

export const NATIONAL_2023: Rubric = deepFreeze({
  version: NATIONAL_2023_VERSION,
  title: '五星市场监督管理所评定指标',
  firstLevel: buildTree(TREE),
  bonus: { title: '加分项目（累计不超过10分）', cap: 10, sameEventOnce: true, categories: BONUS_CATEGORIES },
  vetoKinds: VETO_KINDS,
  notes: NOTES,
  certificationItems: CERTIFICATION_ITEMS,
  parameters: {
    totalPoints: 100,
    pointStep: 0.5,
    fiveStarMinimum: 90,
    windowYears: { recent5: 5, recent2: 2, recent1: 1 },
    defaultWindowYears: 2,
    establishedStaffingTypes: STAFFING_TYPES.filter((t) => t !== 'AUXILIARY'),
    civilServantStaffingTypes: ['ADMINISTRATIVE', 'CIVIL_SERVANT_MANAGED'],
    caseSampleMonths: 4,
    previousYearFallbackUntil: { month: 3, day: 31 },
    certificationValidYears: 2,
    starThresholdsIncludeBonus: true,
  },
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
