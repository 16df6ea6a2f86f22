import type { Reporter } from './types.js';
import { json } from './json.js';
import { stylish } from './stylish.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { checkstyle } from './checkstyle.js';
import { codeclimate } from './codeclimate.js';
import { rdjson } from './rdjson.js';
import { html } from './html.js';

/** Every output format by name (`gitlab` is Code Climate's format, which GitLab reads). */
export const reporters: Record<string, Reporter> = { stylish, json, sarif, github, junit, markdown, html, codeclimate, gitlab: codeclimate, checkstyle, rdjson };
export type { Reporter, ReportContext } from './types.js';
