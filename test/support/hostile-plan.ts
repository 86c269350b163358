/** A plan whose every quoted text — and a file name — is an HTML, SVG or script payload (`acct report`'s XSS tests). */
export const PAYLOADS = [
    '<script>window.__xss=1</script>',
    '<img src=x onerror="window.__xss=2">',
    '<svg onload="window.__xss=3"><circle r=5 /></svg>',
    '"><iframe srcdoc="<script>parent.__xss=4</script>"></iframe>',
    '</script><script>window.__xss=5</script>',
    '\u2028<!--<script>',
];

export function hostilePlan(): Record<string, string> {
    const [a, b, c, d, e, f] = PAYLOADS.map(p => p.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
    return {
        '<img src=x onerror=alert(1)>.acct': `member alice "${a}"\ncompetitor nokia "${b}"\n`,
        'acme.acct': `customer acme "${a}" {
    industry "${b}"
    tier core standing 4 cooperation 3 reviewed 2026-11-01
    waive tier-mismatch "${f}"
    contact boss "${c}" { title "${d}" department "${e}" role decision-maker support -1 intimacy 1 last-contact 2026-01-01 }
    contact fan "${d}" { title "${a}" role evaluator support 1 intimacy 2 reports-to boss competitor-support nokia 2 }
    opportunity big "${e}" {
        stage bid budget 1M EUR start 2027-01-01 team { ar alice sr alice fr alice }
        decision-chain { boss fan }
        competitors nokia
    }
    activity visit "${b}" { kind visit date 2026-10-01 with boss status done outcome "${c}" }
}
`,
    };
}
