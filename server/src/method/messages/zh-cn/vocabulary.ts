/**
 * 方法词汇（简体中文）：沿用种子文章的说法——权力地图、支持度、亲密度、铁三角、线索、机会点、
 * 三板斧、鱼骨图、战略沙盘。键与英文源一致，缺一个就无法编译。
 */
import type { VocabularyTexts } from '../vocabulary-texts.js';
import { properties } from './keywords.js';
import { issues } from './issues.js';

export const vocabulary: VocabularyTexts = {
    roles: {
        'approver': { label: '批准者', meaning: '批准者：在合同、标书或回款单上签字的人，通常层级最高。' },
        'decision-maker': { label: '决策者', meaning: '决策者：拥有最终决策权，但不一定是最后签字的人（如 CEO、CTO、CPO）。' },
        'sponsor': { label: '决策支撑者', meaning: '决策支撑者（支持者/使用者）：提出方案或将来使用方案，为决策提供建议和支撑。' },
        'evaluator': { label: '评估者', meaning: '评估者：从技术、法务、信息安全或商务角度评估方案，写评估报告、看合同。' },
        'influencer': { label: '影响者', meaning: '影响者：不在正式决策流程中，但深受其他关键人信任，说话有分量。' },
        'coach': { label: '教练', meaning: '教练：指导我们推进项目，告诉我们该找谁、该避开什么。' },
    },
    support: {
        '-1': { label: '反对', meaning: '明确反对我们。' },
        '0': { label: '中立', meaning: '中立，或已接触但尚未表态。' },
        '1': { label: '支持不排他', meaning: '支持我们，但不排他。' },
        '2': { label: '支持并排他', meaning: '支持我们，并排斥其他厂商。' },
        '3': { label: '教练级支持', meaning: '教练级支持：主动指导我们推进项目。' },
        '?': { label: '未知', meaning: '尚未接触，态度未知：不要贸然填 0；态度未知的决策者要优先建立联系。' },
    },
    intimacy: {
        '-3': { label: '敌对', meaning: '对我们个人公开疏远，甚至敌对。' },
        '-2': { label: '冷淡', meaning: '冷淡：回避与我们私下接触。' },
        '-1': { label: '疏远', meaning: '疏远：只有正式接触，而且不太情愿。' },
        '0': { label: '公事公办', meaning: '公事公办：只在办公室见面。' },
        '1': { label: '熟悉', meaning: '熟悉：可以一起吃商务午餐，工作关系融洽。' },
        '2': { label: '亲近', meaning: '亲近：会一起参加私下活动。' },
        '3': { label: '家庭级', meaning: '家庭级亲密：与对方家庭也有往来，是最强的私人关系。' },
    },
    scores: {
        '1': { label: '最低', meaning: '评分 1（满分 5）：最低。' },
        '2': { label: '较低', meaning: '评分 2（满分 5）。' },
        '3': { label: '中等', meaning: '评分 3（满分 5）。' },
        '4': { label: '较高', meaning: '评分 4（满分 5）。' },
        '5': { label: '最高', meaning: '评分 5（满分 5）：最高（行业头部，或我们是主力/独家供应商）。' },
    },
    tiers: {
        'excellent': { label: '卓越客户', meaning: '行业头部、与我们合作价值最大，我们是主力甚至唯一供应商：企业的“压舱石”。优质资源优先投向这里。' },
        'strategic': { label: '战略客户', meaning: '行业地位较高，合作稳定、有潜力：资源重点配置、适当攻坚拓展；三层客户关系都要建立。' },
        'core': { label: '核心客户', meaning: '体量不大，但某类采购几乎全交给我们（“粮仓型”客户）：关系稳、黏性高，要保持住。' },
        'value': { label: '价值客户', meaning: '有一定体量和合作，但相对分散或不稳定：适度维护。' },
        'commercial': { label: '商业客户', meaning: '中小/商业客户：分散、零星、小体量；走标准化服务流程，以效率为主。' },
    },
    organizations: {
        'none': { label: '无', meaning: '尚未建立组织客户关系（公司与公司之间）。' },
        'communicate': { label: '沟通', meaning: '沟通：例行峰会、高层对话、定期拜访。' },
        'match': { label: '匹配', meaning: '匹配：战略、组织和流程匹配（客户下的订单直接流入我们的生产系统）。' },
        'joint': { label: '联合', meaning: '联合：联合优化业务流程、联合品牌活动。' },
        'identify': { label: '认同', meaning: '认同：彼此认同对方的企业文化，是组织客户关系的最高境界。' },
    },
    stages: {
        'lead': { label: '线索', meaning: '线索：有特定客户、潜在购买意愿和我方匹配的方案，但预算或启动时间尚未明确。' },
        'opportunity': { label: '机会点', meaning: '机会点：预算明确、启动时间明确的线索（进行中）。' },
        'bid': { label: '投标', meaning: '投标：招投标进行中（进行中）；80% 的结果在发标前就已决定。' },
        'won': { label: '赢单', meaning: '赢单：合同拿下了。' },
        'lost': { label: '丢单', meaning: '丢单：合同给了别人；总结经验教训。' },
    },
    activityKinds: {
        'visit': { label: '日常拜访', meaning: '日常拜访或消息问候：保持关系热度。' },
        'exchange': { label: '专题交流', meaning: '正式专题交流：技术、方案或市场。' },
        'site-visit': { label: '参观样板点', meaning: '参观样板点或体验演示。' },
        'team-event': { label: '联谊活动', meaning: '与客户团队的联谊活动。' },
        'joint-launch': { label: '联合发布', meaning: '与客户联合发布。' },
        'executive-letter': { label: '高层信函', meaning: '我方高层发出的信函。' },
        'hq-visit': { label: '公司考察', meaning: '邀请客户参观公司总部和样板点（三板斧之一）。' },
        'executive-visit': { label: '高层拜访', meaning: '我方高层拜访（三板斧之一）。' },
        'exhibition': { label: '邀请参展', meaning: '邀请参加展会、论坛或研讨会（三板斧之一）。' },
        'summit': { label: '高层峰会', meaning: '高层峰会：建设组织客户关系。' },
        'dinner': { label: '聚餐', meaning: '聚餐：普遍客户关系的例行动作，提升亲密度。' },
        'greeting': { label: '节日问候', meaning: '生日和节日问候：普遍客户关系的例行动作。' },
    },
    activityStatuses: {
        'planned': { label: '已计划', meaning: '已计划：有负责人和日期；日期一过即为逾期。' },
        'done': { label: '已完成', meaning: '已完成：记录结果。' },
        'cancelled': { label: '已取消', meaning: '已取消。' },
    },
    horizons: {
        'short': { label: '短期', meaning: '战略沙盘中的短期机会点：今年的生意。' },
        'mid': { label: '中期', meaning: '战略沙盘中的中期机会点：未来一到两年。' },
        'long': { label: '长期', meaning: '战略沙盘中的长期机会点：三年及以后客户的增长空间。' },
    },
    classes: {
        'S': {
            label: 'S 类（战略型）',
            meaning: 'S 类客户即战略型客户，是公司的重点客户：要建立战略合作伙伴关系（组织客户关系），站在客户的视角了解其行业和业务。',
        },
        'A': { label: 'A 类（伙伴型）', meaning: 'A 类客户即伙伴型客户，和 S 类一样是公司的重点客户：要建立战略合作伙伴关系。' },
        'B': { label: 'B 类', meaning: 'B 类客户：重点客户（S、A 类）之外，靠项目和关键客户关系经营。' },
        'C': { label: 'C 类', meaning: 'C 类客户：级别最低，提供标准化、高效率的服务。' },
    },
    maturities: {
        'preliminary': { label: '初步线索', meaning: '初步线索：客户明确，但购买意愿或我方匹配的方案还没写清楚。' },
        'credible': { label: '可信线索', meaning: '可信线索：客户的购买意愿和我方匹配的方案都已明确，预算或启动时间还没落实。' },
        'qualified': { label: '机会点线索', meaning: '机会点线索：预算明确、启动时间明确。只有确定的才能量化，只有量化的才能管理。' },
    },
    groups: {
        'commercial': { label: '商务评标组', meaning: '商务评标组：价格、条款和标书的商务部分。' },
        'technical': { label: '技术评标组', meaning: '技术评标组：按技术标准评估方案。' },
        'selection': { label: '选型决策组', meaning: '选型决策组：在通过评估的方案中做出选择。' },
        'final': { label: '最终决策组', meaning: '最终决策组：拍板并签字；离鱼骨图的“鱼头”最近。' },
    },
    declarations: {
        member: '成员',
        competitor: '竞争对手',
        customer: '客户',
        contact: '联系人',
        opportunity: '机会点',
        activity: '活动',
        declaration: '声明',
    },
    properties,
    zones: {
        'rational-turn': { label: '理性转身风险', reading: '支持度高、亲密度低：认可产品，但和我们不亲——竞品一旦给出好条件，就可能“理性转身”' },
        're-examine': { label: '重新审视需求', reading: '亲密度高、支持度低：关系不错却不支持——重新审视对方真正的需求' },
        'both-high': { label: '双高', reading: '获得支持的可能性较大，但并不保证' },
        'both-low': { label: '双低', reading: '在项目中几乎不可能获得支持' },
    },
    issues,
};
