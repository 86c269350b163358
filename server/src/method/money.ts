/** Money as written in a plan: `NUMBER[k|M|B] [CURRENCY]`. */

const suffixes: Record<string, number> = { k: 1e3, M: 1e6, B: 1e9 };

/** The value of `30M` as 30000000. */
export function moneyAmount(text: string): number {
    const suffix = text.slice(-1);
    const factor = suffixes[suffix];
    const number = Number(factor ? text.slice(0, -1) : text);
    // Round away binary-fraction noise (12.5M is exactly 12500000, 0.1M is 100000).
    return factor ? Math.round(number * factor * 1e6) / 1e6 : number;
}

/** A currency is a three-letter code (CNY, EUR, USD). */
export function isCurrencyCode(code: string | undefined): boolean {
    return code === undefined || /^[A-Z]{3}$/.test(code);
}

/** `30M CNY`, `850k HKD`: an amount as a plan writes it. */
export function moneyText(value: number, currency: string | null): string {
    const [factor, suffix] = value >= 1e9 ? [1e9, 'B'] : value >= 1e6 ? [1e6, 'M'] : value >= 1e3 ? [1e3, 'k'] : [1, ''];
    const amount = Math.round((value / factor) * 100) / 100;
    return `${amount}${suffix}${currency ? ` ${currency}` : ''}`;
}
