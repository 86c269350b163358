/**
 * Deterministic generator of synthetic `.acct` workspaces for the benchmark (issue item 10).
 * Same seed, same text, byte for byte. The density follows examples/: contacts in reporting
 * trees with roles on the key layer, qualified and unqualified opportunities with decision
 * chains and iron triangles, activities with several contacts, comments and a few Unicode ids.
 * The plans are realistic, not clean: they produce the usual warnings, but no errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suggestedTierFor } from '../../server/src/method/index.js';

/** mulberry32: small, fast, good enough for test data. */
export class Random {
    private state: number;
    constructor(seed: number) {
        this.state = seed >>> 0;
    }
    next(): number {
        let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }
    chance(p: number): boolean {
        return this.next() < p;
    }
    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }
    sample<T>(items: readonly T[], count: number): T[] {
        const copy = [...items];
        const out: T[] = [];
        while (out.length < count && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
        return out;
    }
}

const surnames = [
    'zhang',
    'wang',
    'li',
    'zhao',
    'chen',
    'liu',
    'yang',
    'huang',
    'zhou',
    'wu',
    'xu',
    'sun',
    'ma',
    'zhu',
    'hu',
    'guo',
    'he',
    'lin',
    'luo',
    'gao',
    'zheng',
    'liang',
    'xie',
    'song',
    'tang',
    'han',
    'feng',
    'deng',
    'cao',
    'peng',
    'zeng',
    'xiao',
    'tian',
    'dong',
    'pan',
    'yuan',
    'cai',
    'jiang',
    'yu',
    'du',
    'ye',
    'cheng',
    'wei',
    'su',
    'lu',
    'ding',
];
const givenNames = [
    'wei',
    'lei',
    'na',
    'min',
    'jing',
    'hao',
    'fang',
    'jun',
    'yan',
    'tao',
    'qiang',
    'ping',
    'hui',
    'bin',
    'lin',
    'hong',
    'jie',
    'yu',
    'xin',
    'mei',
    'ming',
    'gang',
    'li',
    'jian',
    'fei',
    'bo',
    'ning',
    'rui',
    'chao',
    'yun',
    'kai',
];
const hanziNames = ['陈静', '郑晓峰', '林晓', '周敏', '王芳', '李娜', '张伟', '刘洋', '杨帆', '赵磊', '黄丽', '吴刚', '徐明', '孙悦'];
const westernFirst = [
    'Alice',
    'Bob',
    'Carol',
    'David',
    'Emma',
    'Feng',
    'Grace',
    'Henry',
    'Iris',
    'Jack',
    'Kevin',
    'Lucy',
    'Mark',
    'Nina',
    'Oscar',
    'Paula',
    'Quinn',
    'Rosa',
    'Sam',
    'Tina',
    'Uma',
    'Victor',
    'Wendy',
    'Xavier',
    'Yvonne',
    'Zack',
];

const competitors: ReadonlyArray<[string, string]> = [
    ['ericsson', 'Ericsson'],
    ['nokia', 'Nokia'],
    ['zte', 'ZTE'],
    ['cisco', 'Cisco'],
    ['h3c', 'H3C'],
    ['juniper', 'Juniper Networks'],
    ['arista', 'Arista'],
    ['ruijie', 'Ruijie Networks'],
    ['fiberhome', 'FiberHome'],
    ['jinlan_digital', 'Jinlan Digital Systems'],
];

const industries = [
    'Telecom operator',
    'Power grid',
    'Port operator',
    'Regional bank',
    'Railway bureau',
    'Airport group',
    'Steel group',
    'Automotive manufacturer',
    'Hospital group',
    'University',
    'City government',
    'Oil and gas',
];
const cities = [
    'Donghai',
    'Huaxia',
    'Pearl River',
    'Jinlan',
    'Xijiang',
    'Beiling',
    'Nanhu',
    'Qingshan',
    'Baiyun',
    'Longmen',
    'Taihe',
    'Yunfeng',
    'Haixi',
    'Zhongyuan',
    'Lingnan',
    'Hexi',
    'Songjiang',
    'Minjiang',
    'Tianfu',
    'Jinghai',
];
const orgSuffix = ['Mobile', 'Grid', 'Port Group', 'Bank', 'Railway', 'Airport', 'Steel', 'Motors', 'Health', 'University', 'Smart City Office', 'Petroleum'];
const departments = [
    'Network',
    'Operations',
    'Planning Institute',
    'Procurement',
    'Finance',
    'IT',
    'Security',
    'Strategy',
    'Marketing',
    'Legal',
    'Maintenance',
    'Engineering',
];
const managementTitles = ['General Manager', 'Deputy General Manager', 'Chief Technology Officer', 'Chief Financial Officer', 'Chief Information Officer'];
const headTitles = ['Head of', 'Deputy Head of', 'Director of', 'Chief Engineer,'];
const staffTitles = ['Engineer', 'Senior Engineer', 'Specialist', 'Shift Lead', 'Analyst', 'Project Manager', 'Architect'];
const roles = ['approver', 'decision-maker', 'sponsor', 'evaluator', 'influencer', 'coach'];
const organizations = ['none', 'communicate', 'match', 'joint', 'identify'];
const activityKinds = [
    'visit',
    'exchange',
    'site-visit',
    'team-event',
    'joint-launch',
    'executive-letter',
    'hq-visit',
    'executive-visit',
    'exhibition',
    'summit',
    'dinner',
    'greeting',
];
const projects = [
    '5G-Advanced RAN expansion',
    'Metro transport upgrade to 400G',
    'Private 5G for the yard',
    'Campus Wi-Fi 7',
    'Data-centre fabric refresh',
    'SD-WAN for branches',
    'Smart substation network',
    'Dispatch network renewal',
    'Edge cloud for industrial parks',
    'Core router replacement',
    'IP backbone expansion',
    'Security operations centre',
    'Optical access rollout',
    'Disaster-recovery network',
    'IoT platform',
    'Video surveillance backbone',
];
const outcomes = [
    'Agreed next steps for the pilot',
    'Accepted the measured-savings method',
    'Asked for a reference site',
    'Postponed: network freeze',
    'Positive on the TCO model',
    'Wants a second technical exchange',
    'Introduced us to procurement',
];

/** Suggested tier (contract section 3), to keep most declared tiers consistent. */
function suggestedTier(standing: number, cooperation: number): string {
    return suggestedTierFor(standing, cooperation)!;
}

function date(random: Random, from: [number, number], to: [number, number]): string {
    // [year, month] inclusive range; day 1..28 keeps every date valid.
    const start = from[0] * 12 + from[1] - 1;
    const end = to[0] * 12 + to[1] - 1;
    const month = random.int(start, end);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad(random.int(1, 28))}`;
}

function money(random: Random, min: number, max: number): string {
    const value = random.int(min, max) / 10;
    if (value >= 1000) return `${(value / 1000).toFixed(1).replace(/\.0$/, '')}B CNY`;
    if (value < 1) return `${Math.round(value * 1000)}k CNY`;
    return `${String(value).replace(/\.0$/, '')}M CNY`;
}

export interface TeamInfo {
    members: string[];
    competitors: string[];
}

/** `team.acct`: members, competitors and the policy. */
export function teamFile(random: Random, memberCount = 50): { text: string; team: TeamInfo } {
    const lines = [
        '/*',
        ' * Synthetic key-account workspace for the acct benchmark: the people on our side,',
        ' * the competitors we meet and the review thresholds.',
        ' */',
        '',
        '// Account, solution and fulfilment responsibles, and executives',
    ];
    const members: string[] = [];
    for (let i = 0; members.length < memberCount; i++) {
        const first = westernFirst[i % westernFirst.length];
        const last = random.pick(surnames);
        const id = `${first.toLowerCase()}${i >= westernFirst.length ? Math.floor(i / westernFirst.length) + 1 : ''}`;
        members.push(id);
        const role = random.pick(['AR', 'SR', 'FR', 'SR', 'AR', 'FR', 'executive']);
        lines.push(`member ${id.padEnd(8)} "${first} ${last[0].toUpperCase()}${last.slice(1)}"    // ${role}`);
    }
    lines.push('');
    for (const [id, name] of competitors) lines.push(`competitor ${id.padEnd(15)} "${name}"`);
    lines.push(
        '',
        '// Agreed at the regional planning meeting.',
        'policy {',
        '    stale-contact-days 90',
        '    tier-review-days   365',
        '    general-coverage   3',
        '}',
        '',
    );
    return { text: lines.join('\n'), team: { members, competitors: competitors.map(c => c[0]) } };
}

interface GeneratedContact {
    id: string;
    role?: string;
}

/**
 * One customer of about `targetLines` lines: contacts (about 55% of the lines) in a reporting
 * tree, opportunities (25%) and activities (20%).
 */
export function customerText(random: Random, team: TeamInfo, id: string, displayName: string, targetLines: number): string {
    const out: string[] = [];
    const member = () => random.pick(team.members);
    const standing = random.int(1, 5);
    const cooperation = random.int(1, 5);
    const tier = random.chance(0.85) ? suggestedTier(standing, cooperation) : random.pick(['excellent', 'strategic', 'core', 'value', 'commercial']);
    out.push(`// Plan for ${displayName}: generated for the benchmark.`);
    out.push(`customer ${id} "${displayName}" {`);
    out.push(`    industry "${random.pick(industries)}"`);
    out.push(`    standing ${standing}`);
    out.push(`    cooperation ${cooperation}`);
    out.push(`    tier ${tier}`);
    if (random.chance(0.9)) out.push(`    reviewed ${date(random, [2025, 6], [2026, 11])}`);
    out.push(`    owner ${member()}`);
    out.push(`    organization ${random.pick(organizations)}`);

    const contactCount = Math.max(4, Math.round((targetLines * 0.55) / 8.3));
    const opportunityCount = Math.max(1, Math.round((targetLines * 0.25) / 14.5));
    const activityCount = Math.max(1, Math.round((targetLines * 0.2) / 7.4));

    // --- contacts: a reporting tree; the first few are management
    out.push('', '    // --- Management and key layer -----------------------------------------------');
    const contacts: GeneratedContact[] = [];
    const used = new Set<string>();
    const contactId = (index: number): string => {
        if (random.chance(0.05)) {
            const hanzi = random.pick(hanziNames);
            if (!used.has(hanzi)) return hanzi;
        }
        let candidate = random.pick(surnames);
        if (used.has(candidate)) candidate = `${candidate}_${random.pick(givenNames)}`;
        if (used.has(candidate)) candidate = `${candidate}${index}`;
        return candidate;
    };
    for (let i = 0; i < contactCount; i++) {
        if (i === Math.min(8, contactCount - 1)) {
            out.push('', '    // --- General layer: the foundation --------------------------------------------');
        }
        const cid = contactId(i);
        used.add(cid);
        const isHan = /^[^\x00-\x7f]/.test(cid);
        const name = isHan
            ? cid
            : `${cid.split('_')[0][0].toUpperCase()}${cid.split('_')[0].slice(1)} ${random.pick(givenNames).replace(/^./, c => c.toUpperCase())}`;
        const department = random.pick(departments);
        const keyLayer = i < 8 || random.chance(0.3);
        const role = keyLayer ? (i === 0 ? 'approver' : i === 1 ? 'decision-maker' : random.pick(roles)) : undefined;
        const title =
            i === 0
                ? 'General Manager'
                : i < 4
                  ? random.pick(managementTitles)
                  : keyLayer
                    ? `${random.pick(headTitles)} ${department}`
                    : random.pick(staffTitles);
        if (random.chance(0.04)) out.push(`    // ${name} moved to a new position this year; keep the relationship warm.`);
        out.push(`    contact ${cid} "${name}" {`);
        out.push(`        title "${title}"`);
        if (i > 0) out.push(`        department "${department}"`);
        if (role) out.push(`        role ${role}`);
        if (random.chance(0.9)) {
            const support = random.chance(0.06) ? '?' : String(random.pick([-1, 0, 0, 1, 1, 1, 2, 2, 3]));
            out.push(`        support ${support}${support === '?' ? '                   // not met yet' : ''}`);
        }
        out.push(`        intimacy ${random.pick([-2, -1, 0, 0, 1, 1, 1, 2, 2, 3])}`);
        if (i > 0) {
            // Managers near the top of the tree; the parent is always an earlier contact: no cycles.
            const parent = i < 8 ? random.int(0, Math.max(0, i - 1)) : random.int(Math.max(0, i - 40), i - 1);
            out.push(`        reports-to ${contacts[parent].id}`);
        }
        if (random.chance(0.75)) out.push(`        last-contact ${date(random, [2026, 3], [2026, 11])}`);
        if (random.chance(0.5)) out.push(`        owner ${member()}`);
        out.push('    }');
        contacts.push({ id: cid, role });
    }

    // --- opportunities
    out.push('', '    // --- Opportunities ------------------------------------------------------------');
    const keyContacts = contacts.filter(c => c.role);
    for (let i = 0; i < opportunityCount; i++) {
        const oid = `opp${i + 1}`;
        const stage = random.pick(['lead', 'opportunity', 'opportunity', 'bid', 'bid', 'won', 'lost']);
        out.push(`    opportunity ${oid} "${random.pick(projects)}, phase ${random.int(1, 4)}" {`);
        out.push(`        stage ${stage}`);
        out.push(`        amount ${money(random, 5, 40000)}`);
        const qualified = stage !== 'lead' && random.chance(0.8);
        if (qualified || random.chance(0.2)) out.push(`        budget ${money(random, 5, 30000)}`);
        if (qualified) out.push(`        start ${date(random, [2026, 1], [2028, 6])}`);
        if (stage !== 'lead') {
            const trio = random.chance(0.85) ? ['ar', 'sr', 'fr'] : random.sample(['ar', 'sr', 'fr'], random.int(1, 2)).sort();
            out.push(`        team { ${trio.map(r => `${r} ${member()}`).join(' ')} }`);
        }
        if (stage !== 'lead' && random.chance(0.9)) {
            out.push('        decision-chain {');
            const chain = random.sample(keyContacts.length >= 3 ? keyContacts : contacts, random.int(3, 7));
            if (!chain.some(c => c.role === 'decision-maker' || c.role === 'approver') && random.chance(0.7)) {
                chain.unshift(contacts[0]);
            }
            for (const entry of chain) {
                const roleOverride = random.chance(0.1) ? ` ${random.pick(roles)}` : '';
                const supportOverride = random.chance(0.1) ? ` support ${random.pick(['-1', '0', '1', '2', '?'])}` : '';
                const comment = random.chance(0.1) ? '          // writes the technical evaluation' : '';
                out.push(`            ${entry.id}${roleOverride}${supportOverride}${comment}`);
            }
            out.push('        }');
        }
        if (random.chance(0.85)) out.push(`        competitors ${random.sample(team.competitors, random.int(1, 3)).join(', ')}`);
        out.push('    }');
    }

    // --- activities
    out.push('', '    // --- Activities ---------------------------------------------------------------');
    for (let i = 0; i < activityCount; i++) {
        const aid = `act${i + 1}`;
        const kind = random.pick(activityKinds);
        const status = random.pick(['done', 'done', 'planned', 'planned', 'cancelled']);
        const withWhom = random.sample(contacts, random.int(1, 3)).map(c => c.id);
        out.push(`    activity ${aid} "${kind.replace(/-/g, ' ')} with ${withWhom[0]}" {`);
        out.push(`        kind ${kind}`);
        out.push(`        date ${status === 'planned' ? date(random, [2026, 11], [2027, 6]) : date(random, [2026, 1], [2026, 11])}`);
        out.push(`        with ${withWhom.join(', ')}`);
        out.push(`        owner ${member()}`);
        out.push(`        status ${status}`);
        if (status !== 'planned' && random.chance(0.6)) out.push(`        outcome "${random.pick(outcomes)}"`);
        out.push('    }');
    }
    out.push('}');
    return out.join('\n') + '\n';
}

export interface GeneratedWorkspace {
    dir: string;
    files: string[];
    lines: number;
    bytes: number;
}

function writeFiles(dir: string, files: Array<[string, string]>): GeneratedWorkspace {
    fs.mkdirSync(dir, { recursive: true });
    let lines = 0;
    let bytes = 0;
    const written: string[] = [];
    for (const [name, text] of files) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        written.push(file);
        lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
        bytes += Buffer.byteLength(text);
    }
    return { dir, files: written, lines, bytes };
}

function customerName(random: Random, index: number): { id: string; name: string } {
    const city = cities[index % cities.length];
    const suffix = orgSuffix[Math.floor(index / cities.length) % orgSuffix.length];
    const id = `${city.toLowerCase().replace(/[^a-z]/g, '')}_${suffix
        .toLowerCase()
        .replace(/[^a-z]/g, '')
        .slice(0, 6)}${index >= cities.length * orgSuffix.length ? index : ''}`;
    void random;
    return { id, name: `${city} ${suffix}` };
}

/**
 * The workspace: `team.acct` plus `fileCount - 1` customer files (in region folders) of
 * about `totalLines` lines in all; file sizes vary from about 40% to 160% of the mean.
 */
export function generateWorkspace(dir: string, options: { seed: number; fileCount: number; totalLines: number }): GeneratedWorkspace {
    const random = new Random(options.seed);
    const { text: teamText, team } = teamFile(random);
    const files: Array<[string, string]> = [['team.acct', teamText]];
    const customerFiles = options.fileCount - 1;
    const teamLines = teamText.split('\n').length;
    const weights = Array.from({ length: customerFiles }, () => 0.4 + 1.2 * random.next());
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const regions = ['east', 'south', 'north', 'west', 'central'];
    for (let i = 0; i < customerFiles; i++) {
        const target = Math.round(((options.totalLines - teamLines) * weights[i]) / totalWeight);
        const { id, name } = customerName(random, i);
        files.push([`${regions[i % regions.length]}/${id}.acct`, customerText(random, team, id, name, target)]);
    }
    return writeFiles(dir, files);
}

/**
 * A folder with `team.acct` and one file `big.acct` of about `lines` lines: one very large
 * customer (a national group with thousands of contacts: the worst case for scoping).
 */
export function generateBigFile(dir: string, options: { seed: number; lines: number }): GeneratedWorkspace & { bigFile: string; team: TeamInfo } {
    const random = new Random(options.seed);
    const { text: teamText, team } = teamFile(random);
    const big = customerText(random, team, 'natgroup', 'National Telecom Group', options.lines);
    const result = writeFiles(dir, [
        ['team.acct', teamText],
        ['big.acct', big],
    ]);
    return { ...result, bigFile: path.join(dir, 'big.acct'), team };
}

/** The text of a single-customer file of about `lines` lines, for in-memory scaling runs. */
export function bigCustomerText(seed: number, lines: number): { team: string; text: string } {
    const random = new Random(seed);
    const { text: teamText, team } = teamFile(random);
    return { team: teamText, text: customerText(random, team, 'natgroup', 'National Telecom Group', lines) };
}
