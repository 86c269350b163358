/**
 * The export's JSON Schema is addressable: an `$id`, a title, a description on every property
 * (what VS Code shows on hover and completion in an exported document), and the extension
 * contributes it for `*.acct.json` files and ships it in the .vsix.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../support/run-cli.js';

const schema = JSON.parse(readFileSync(path.join(projectRoot, 'schema', 'acct-plan.schema.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));

/** Every `properties` entry of the schema, as `where.name` → its schema. */
function properties(node: unknown, where: string, found: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
    if (Array.isArray(node)) node.forEach((item, i) => properties(item, `${where}[${i}]`, found));
    else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
            if (key === 'properties' && value && typeof value === 'object') {
                for (const [name, property] of Object.entries(value)) found.push([`${where}.${name}`, property as Record<string, unknown>]);
            }
            properties(value, `${where}.${key}`, found);
        }
    }
    return found;
}

describe('schema/acct-plan.schema.json', () => {
    it('has an $id, a title and a description', () => {
        expect(schema.$id).toMatch(/^https:\/\/.+\.json$/);
        expect(schema.title).toMatch(/acct-plan/);
        expect(schema.description.length).toBeGreaterThan(40);
    });

    it('describes every property and every definition', () => {
        const all = properties(schema, '#');
        expect(all.length).toBeGreaterThan(60);
        const undescribed = all
            .filter(([, property]) => typeof property.description !== 'string' || property.description.trim().length < 8)
            .map(([where]) => where);
        expect(undescribed).toEqual([]);
        const definitions = Object.entries(schema.definitions as Record<string, { description?: string }>);
        expect(definitions.filter(([, d]) => !d.description).map(([name]) => name)).toEqual([]);
    });

    it('is contributed for *.acct.json exports and packaged in the .vsix', () => {
        expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: ['*.acct.json', 'acct-plan.json'], url: './schema/acct-plan.schema.json' }]);
        expect(existsSync(path.join(projectRoot, 'schema', 'acct-plan.schema.json'))).toBe(true);
        const ignore = readFileSync(path.join(projectRoot, '.vscodeignore'), 'utf8').split('\n');
        expect(ignore).toContain('!schema/acct-plan.schema.json');
        expect(ignore).toContain('!out/cli.js');
    });
});
