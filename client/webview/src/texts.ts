/**
 * The webview's words. The extension sends them once, in VS Code's display language (a
 * `strings` message, kept in the saved state so that a reload speaks at once); the page never
 * guesses a language. Until they arrive it speaks English, the catalog's source.
 */
import { textsFromStrings, viewStrings, type Texts, type ViewMessageKey, type ViewStrings } from '@acct/method';

let current: Texts<ViewMessageKey> = textsFromStrings(viewStrings('en'));

/** The texts the views speak now. */
export function texts(): Texts<ViewMessageKey> {
    return current;
}

/** Speaks `strings` from now on. */
export function useStrings(strings: ViewStrings): void {
    current = textsFromStrings(strings);
}
