import rule from '../../../src/rules/swarm/undefined-reference.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'everything declared; default network; bind mounts',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    networks: [default, front]\n    secrets:\n      - source: key\n        target: api_key\n    configs: [nginx]\n    volumes:\n      - data:/data\n      - ./conf:/conf\nnetworks:\n  front:\nsecrets:\n  key:\n    external: true\nconfigs:\n  nginx:\n    external: true\nvolumes:\n  data:\n' },
    },
  ],
  invalid: [
    {
      name: 'undefined secret, network and volume',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    secrets:\n      - db_password\n    networks:\n      - backend\n    volumes:\n      - uploads:/srv/uploads\n' },
      errors: [
        { file: 'compose.yaml', line: 5, message: /service web: undefined secret "db_password"/ },
        { file: 'compose.yaml', line: 7, message: /undefined network "backend"/ },
        { file: 'compose.yaml', line: 9, message: /undefined volume "uploads"/ },
      ],
    },
  ],
});
