import rule from '../../../src/rules/swarm/unsupported-version.js';
import { ruleTester } from '../../support/rule-tester.js';

const svc = 'services:\n  web:\n    image: nginx:1.27\n';
ruleTester(rule, {
  valid: [
    { name: 'no version', files: { 'compose.yaml': svc } },
    { name: 'version "3.8"', files: { 'compose.yaml': `version: "3.8"\n${svc}` } },
    { name: 'version "3"', files: { 'compose.yaml': `version: "3"\n${svc}` } },
    { name: 'version "3.13"', files: { 'compose.yaml': `version: '3.13'\n${svc}` } },
  ],
  invalid: [
    { name: 'version 2.4', files: { 'compose.yaml': `version: "2.4"\n${svc}` }, errors: [{ file: 'compose.yaml', line: 1, column: 10, message: /unsupported Compose file version: 2.4/ }] },
    { name: 'version 2 as a number', files: { 'compose.yaml': `version: 2\n${svc}` }, errors: [{ file: 'compose.yaml', line: 1, message: /version: 2"/ }] },
    { name: 'version 3.14 does not exist', files: { 'compose.yaml': `version: "3.14"\n${svc}` }, errors: [{ file: 'compose.yaml', line: 1 }] },
  ],
});
