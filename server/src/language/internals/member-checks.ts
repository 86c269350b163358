/** How acct checks a member of Langium or Chevrotain before it relies on it, and the one way it replaces a method on a live object. */

/** A member that is missing or of another kind than acct expects: the upgrade broke a patch. */
export class LangiumInternalsError extends Error {
    constructor(owner: string, member: string, expected: string) {
        super(`acct: ${owner}.${member} is not ${expected} (Langium or Chevrotain changed: see docs/langium-internals.md)`);
        this.name = 'LangiumInternalsError';
    }
}

export type Kind = 'function' | 'number' | 'boolean' | 'object' | 'array' | 'present';

/** Checks that `object[member]` is of `kind` (a written field: that it exists, as an own or inherited property). */
export function expectMember(object: unknown, owner: string, member: string, kind: Kind): void {
    const value = object === null || object === undefined ? undefined : (object as Record<string, unknown>)[member];
    const ok =
        kind === 'present'
            ? typeof object === 'object' && object !== null && member in object
            : kind === 'array'
              ? Array.isArray(value)
              : kind === 'object'
                ? typeof value === 'object' && value !== null
                : typeof value === kind;
    if (!ok) throw new LangiumInternalsError(owner, member, kind === 'present' ? 'a field' : `a ${kind}`);
}

/**
 * Replaces `object[name]`, a method, by what `make` builds from the original (bound to nothing:
 * call it with `.call(this, …)`). The one way acct replaces a method on a live object.
 */
export function replaceMethod<T extends object, K extends keyof T>(object: T, owner: string, name: K, make: (original: T[K]) => T[K]): void {
    const original = object[name];
    if (typeof original !== 'function') throw new LangiumInternalsError(owner, String(name), 'a function');
    object[name] = make(original);
}
