import rule from '../../../src/rules/dependencies/pipe-to-shell.js';
import { ruleTester } from '../../support/rule-tester.js';

const df = (run: string) => ({ Dockerfile: `FROM debian:bookworm-slim\n${run}\n` });

ruleTester(rule, {
  valid: [
    { name: 'download to a file, verify, then run', files: df('RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \\\n && echo "3f2c  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh') },
    { name: 'archive piped into tar', files: df('RUN curl -fsSL https://example.com/tool-1.2.3.tar.gz | tar -xz -C /usr/local/bin') },
    { name: 'key piped into gpg', files: df('RUN curl -fsSL https://download.docker.com/linux/debian/gpg | gpg --dearmor -o /etc/apt/keyrings/docker.gpg') },
    { name: 'JSON piped into python -c', files: df('RUN curl -s https://api.example.com/v1/version | python3 -c "import sys, json; print(json.load(sys.stdin)[\'v\'])"') },
    { name: 'wget to a file then bash it', files: df('RUN wget -q https://example.com/setup.sh && bash setup.sh') },
    { name: 'curl -O then sh', files: df('RUN curl -fsSLO https://example.com/setup.sh && sh ./setup.sh') },
    { name: 'text mentioning the pattern in an echo', files: df('RUN echo "never do curl https://x | sh" > /etc/motd') },
    { name: 'pipe between other commands', files: df('RUN cat /etc/os-release | grep VERSION | sh -c "cat > /version"') },
  ],
  invalid: [
    {
      name: 'nodesource setup piped into bash -',
      files: { Dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl \\\n && curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \\\n && apt-get install -y nodejs\n' },
      errors: [{ file: 'Dockerfile', line: 2, column: 1, messageId: 'pipe', message: /pipes https:\/\/deb\.nodesource\.com\/setup_20\.x into bash/ }],
    },
    {
      name: 'wget -qO- into sudo sh -s -- -y',
      files: df('RUN wget -qO- https://sh.rustup.rs | sudo -E sh -s -- -y'),
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'pipe', message: /into sh/ }],
    },
    {
      name: 'installer piped into python3 -',
      files: df('RUN curl -sSL https://install.python-poetry.org | python3 -'),
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'pipe', message: /install\.python-poetry\.org into python3/ }],
    },
    {
      name: 'sh -c "$(curl …)"',
      files: df('RUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"'),
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'pipe', message: /ohmyzsh/ }],
    },
    {
      name: 'bash <(curl …) with a cache mount',
      files: df('RUN --mount=type=cache,target=/root/.cache bash <(curl -s https://example.com/get.sh)'),
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'pipe', message: /example\.com\/get\.sh into bash/ }],
    },
    {
      name: 'exec form through /bin/sh -c',
      files: df('RUN ["/bin/sh", "-c", "curl -fsSL https://get.docker.com | sh"]'),
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'pipe' }],
    },
  ],
});
