/**
 * The message catalog: every text acct shows, in English (the source) and Chinese (zh-CN). How
 * to add a message: docs/localization.md.
 */
export * from './locale.js';
export * from './format.js';
export * from './catalog.js';
export * from './texts.js';
export * from './refusals.js';
export type * from './vocabulary-texts.js';
export * from './redactable.js';
