import rule from '../../../src/rules/logs/logging-driver-none.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'json-file with limits', files: { 'compose.yaml': 'services:\n  web:\n    image: web:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n' } },
    { name: 'no logging section', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n' } },
    { name: 'driver from a variable set to gelf', files: { 'compose.yaml': 'services:\n  web:\n    image: web:1\n    logging:\n      driver: ${LOG_DRIVER:-none}\n' }, env: { LOG_DRIVER: 'gelf' } },
    { name: 'an option value "none" is not the driver', files: { 'compose.yaml': 'services:\n  web:\n    image: web:1\n    logging:\n      driver: local\n      options:\n        compress: "none"\n' } },
  ],
  invalid: [
    {
      name: 'driver none',
      files: { 'docker-stack.yml': 'services:\n  web:\n    image: registry.example.com/web:1.4.2\n    logging:\n      driver: none\n' },
      errors: [{ file: 'docker-stack.yml', line: 5, column: 15, messageId: 'none', message: /Service "web" uses the "none" logging driver/ }],
    },
    {
      name: 'driver none from a variable default, quoted',
      files: { 'compose.yaml': 'x-logging: &nolog\n  driver: "none"\nservices:\n  worker:\n    image: worker:1\n    logging: *nolog\n  web:\n    image: web:1\n    logging:\n      driver: ${LOG_DRIVER:-none}\n' },
      errors: [
        { file: 'compose.yaml', line: 2, column: 11, message: /Service "worker"/ },
        { file: 'compose.yaml', line: 10, column: 15, message: /Service "web"/ },
      ],
    },
  ],
});
