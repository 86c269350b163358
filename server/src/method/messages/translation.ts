/** A translation of an English catalog part: every key, each a template (its parameters are checked by the catalog test). */
export type Translation<T> = { readonly [K in keyof T]: string };
