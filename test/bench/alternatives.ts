/**
 * What the cold check is compared with, in the same process and on the same data: `JSON.parse`
 * of the export document, the "schema only" alternative (the same data as YAML, parsed by js-yaml
 * and validated by ajv against the export's JSON Schema), and acct's parser alone on the same
 * texts (no linking, no checks).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { dump, load } from 'js-yaml';
import type { LangiumParser } from 'langium';
import { medianTiming, timed, type Timing } from './measure.js';

const schemaPath = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..'), process.cwd()]
    .map(root => path.join(root, 'schema', 'acct-plan.schema.json'))
    .find(file => fs.existsSync(file))!;

export interface References {
    exportMB: number;
    jsonParse: Timing;
    yamlMB: number;
    /** js-yaml load + ajv validation (the validator compiled beforehand). */
    yamlAjv: Timing;
    yamlValid: boolean;
    /** acct's parser alone over every file of the workspace. */
    parseOnly: Timing;
}

async function medianOf(runs: number, run: () => unknown): Promise<Timing> {
    const timings: Timing[] = [];
    for (let i = 0; i < runs; i++) timings.push(await timed(run));
    return medianTiming(timings);
}

export async function references(exportJson: string, texts: string[], parser: LangiumParser): Promise<References> {
    const jsonParse = await medianOf(7, () => JSON.parse(exportJson));
    const yaml = dump(JSON.parse(exportJson), { noRefs: true, lineWidth: -1 });
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
    let yamlValid = true;
    const yamlAjv = await medianOf(5, () => {
        yamlValid = validate(load(yaml)) && yamlValid;
    });
    // One warm-up pass, then the median of three.
    texts.forEach(text => parser.parse(text));
    const parseOnly = await medianOf(3, () => texts.forEach(text => parser.parse(text)));
    return {
        exportMB: Buffer.byteLength(exportJson) / 2 ** 20,
        jsonParse,
        yamlMB: Buffer.byteLength(yaml) / 2 ** 20,
        yamlAjv,
        yamlValid,
        parseOnly,
    };
}
