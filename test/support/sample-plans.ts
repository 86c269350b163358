/** Small plans the CLI tests share: our team and one healthy customer (no findings on 2026-11-22). */
export const team = `member alice "Alice Chen"\nmember bob "Bob Li"\nmember carol "Carol Wu"\ncompetitor nokia "Nokia"\n`;

export const healthy = `customer acme "Acme" {
    contact boss "The Boss" { role decision-maker support 2 intimacy 1 last-contact 2026-11-01 }
    contact fan "A Fan" { support 1 intimacy 1 }
    opportunity big "Big deal" {
        stage bid
        budget 1M EUR
        start 2027-01-01
        team { ar alice sr bob fr carol }
        decision-chain { boss }
        value-proposition { strengths "the only local delivery team" }
    }
}
`;
