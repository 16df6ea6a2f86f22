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
      name: 'defined in a compose file beside it: deployed together (teable docker-swarm examples), info',
      files: { 'swarm/docker-compose.default.yml': 'networks:\n  teable-swarm:\n    external: true\nvolumes:\n  db:\n', 'swarm/docker-compose.kit.yml': 'services:\n  db:\n    image: postgres:16.3\n    volumes:\n      - db:/var/lib/postgresql/data\n    networks:\n      - teable-swarm\n' },
      errors: [
        { file: 'swarm/docker-compose.kit.yml', line: 5, messageId: 'inSibling', severity: 'info', message: /volume "db", which swarm\/docker-compose\.default\.yml defines: this file deploys only together with it/ },
        { file: 'swarm/docker-compose.kit.yml', line: 7, messageId: 'inSibling', severity: 'info' },
      ],
    },
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
