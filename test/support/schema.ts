/** Validates a document against the shipped JSON Schema of the export (contract section 4). */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// From the project root (the tests run there; the fuzz runner is a bundle in out/).
const schemaPath = [path.resolve(__dirname, '..', '..'), process.cwd()]
    .map(root => path.join(root, 'schema', 'acct-plan.schema.json'))
    .find(file => existsSync(file))!;
let validator: ReturnType<Ajv['compile']> | undefined;

/** The schema violations of `document`, as `PATH message` lines; empty when valid. */
export function validatePlan(document: unknown): string[] {
    if (!validator) {
        const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
        addFormats(ajv);
        validator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    }
    return validator(document) ? [] : (validator.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}
