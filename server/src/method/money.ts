/** Money as written in a plan: `NUMBER[k|M|B|万|亿] [CURRENCY]` (万 and 亿 since 1.2). */

const suffixes: Record<string, number> = { k: 1e3, M: 1e6, B: 1e9, '万': 1e4, '亿': 1e8 };

/** Suffixes people type in the wrong case, and the one they meant: `30m` is `30M`. */
const misspelledSuffixes: Record<string, string> = { m: 'M', b: 'B', K: 'k', G: 'B' };

/** `30M` for `30m`; undefined when the amount is written right. */
export function amountMeant(text: string): string | undefined {
    const meant = misspelledSuffixes[text.slice(-1)];
    return meant === undefined ? undefined : text.slice(0, -1) + meant;
}

/** An amount in the Chinese units 万 or 亿 (1.2). */
export function isChineseUnitAmount(text: string): boolean {
    return text.endsWith('万') || text.endsWith('亿');
}

/** `CNY` for `cny`, `元` and `人民币`: the code a currency written another way means, if any. */
export function currencyMeant(written: string): string | undefined {
    if (/^(元|块|万元|亿元|人民币|rmb)$/i.test(written)) return 'CNY';
    if (/^[a-zA-Z]{3}$/.test(written)) return written.toUpperCase();
    return undefined;
}

/** The value of `30M` as 30000000. */
export function moneyAmount(text: string): number {
    const suffix = text.slice(-1);
    const factor = suffixes[suffix] ?? suffixes[misspelledSuffixes[suffix] ?? ''];
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
