import rule from '../../../src/rules/swarm/invalid-volume-spec.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'bind, named, anonymous, options, windows drive', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./html:/usr/share/nginx/html:ro\n      - data:/data:nocopy\n      - /cache\n      - c:\\data:/data2\n      - ${MEDIA:-/srv/media}:/media\nvolumes:\n  data:\n' } },
  ],
  invalid: [
    { name: 'blank variable (awesome-compose/plex)', files: { 'compose.yaml': 'services:\n  plex:\n    image: linuxserver/plex\n    volumes:\n      - ${PLEX_MEDIA_PATH}:/media/\n' }, errors: [{ file: 'compose.yaml', line: 5, column: 9, message: /\(PLEX_MEDIA_PATH not set, so blank\).*"error decoding 'Volumes\[0\]': invalid spec: :\/media\/: empty section between colons"/ }] },
    { name: 'too many colons', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./a:/b:ro:extra\n' }, errors: [{ file: 'compose.yaml', line: 5, message: /too many colons/ }] },
  ],
});
