import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { writeProject } from '../support/rule-tester.js';
import { escapeData, escapeProperty } from '../../src/reporters/github.js';

const MULTITOOL = path.join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

/** A project with a blocker, a fixable finding, a suppressed one (with a reason), a secret and a project-level finding. */
function project(): string {
  return writeProject({
    Dockerfile: 'FROM node:latest\nENV API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n# twelvelint-disable-next-line disposability/package-manager-as-pid1 -- legacy image, replaced in Q3\nCMD npm start\n',
    'api/Dockerfile': 'FROM node:20\nCMD node server.js\n',
    'docker-stack.yml': 'services:\n  web:\n    build: .\n    restart: always\n  api:\n    image: api:1\n    build: ./api\n',
  });
}

async function report(format: string, dir: string, env: Record<string, string> = {}): Promise<{ text: string; code: number | null; stderr: string }> {
  const file = path.join(dir, `report.${format}`);
  const r = await runCli(['--config', path.join(ROOT, 'test/fuzz/strict.json'), '--format', `${format}=${file}`, '.'], dir, env);
  return { text: readFileSync(file, 'utf8'), code: r.code, stderr: r.stderr };
}

describe('sarif', () => {
  it('validates with the SARIF multitool (SARIF and GitHub rules): no error, no warning', async () => {
    const dir = project();
    const { text } = await report('sarif', dir);
    const file = path.join(dir, 'out.sarif');
    writeFileSync(file, text);
    // The multitool reaches for the network first (a 16 s timeout where there is none); validation itself is offline,
    // so a proxy on a closed port makes that attempt fail at once.
    const offline = { http_proxy: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', DOTNET_CLI_TELEMETRY_OPTOUT: '1' };
    const out = execFileSync(MULTITOOL, ['validate', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning', file], { encoding: 'utf8', env: { ...process.env, ...offline } });
    expect(out.split('\n').filter((l) => /: (error|warning) /.test(l))).toEqual([]);
    expect(out).toContain('Analysis completed successfully');
  }, 60_000);

  it('carries rules with help, docs links, tags, precision and security-severity; results with full regions, fingerprints, fixes and suppressions', async () => {
    const dir = project();
    const log = JSON.parse((await report('sarif', dir)).text);
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'twelvelint', informationUri: expect.stringMatching(/^https:\/\//), version: expect.any(String) });
    const rules = run.tool.driver.rules as { id: string; helpUri: string; help: { text: string; markdown: string }; fullDescription: { text: string }; defaultConfiguration: { level: string }; properties: Record<string, unknown> }[];
    for (const r of rules) {
      expect(r.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(r.help.text.length).toBeGreaterThan(10);
      expect(r.helpUri).toMatch(/^https:\/\//);
    }
    const secret = rules.find((r) => r.id === 'config/secret-in-dockerfile');
    expect(secret?.properties).toMatchObject({ 'security-severity': '8.0', precision: 'high', tags: expect.arrayContaining(['security', 'twelve-factor/config']) });
    expect(rules.find((r) => r.id === 'swarm/build-without-image')?.properties).toMatchObject({ precision: 'very-high', tags: expect.arrayContaining(['swarm', 'swarm-impact/blocker']) });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    expect(run.automationDetails.id).toMatch(/^twelvelint\//);
    expect(run.columnKind).toBe('utf16CodeUnits');
    const results = run.results as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[]; partialFingerprints: Record<string, string>; fixes?: unknown[]; suppressions?: { kind: string; justification?: string }[] }[];
    for (const r of results) {
      expect(rules[r.ruleIndex]?.id ?? r.ruleId).toBe(r.ruleId);
      expect(r.locations).toHaveLength(1);
      expect(r.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(r.locations[0].physicalLocation.region).toMatchObject({ startLine: expect.any(Number), startColumn: expect.any(Number), endLine: expect.any(Number), endColumn: expect.any(Number) });
      expect(r.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
    }
    expect(results.some((r) => r.fixes?.length)).toBe(true);
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed).toEqual([expect.objectContaining({ ruleId: 'disposability/package-manager-as-pid1', suppressions: [{ kind: 'inSource', justification: 'legacy image, replaced in Q3' }] })]);
    const stack = results.find((r) => r.ruleId === 'swarm/build-without-image');
    expect(stack?.locations[0].physicalLocation.artifactLocation.uri).toBe('docker-stack.yml');
    expect(stack?.level).toBe('error');
    // The secret never appears, not even in the snippet of the source line.
    expect(JSON.stringify(log)).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it('fingerprints stay when lines move', async () => {
    const dir = project();
    const before = JSON.parse((await report('sarif', dir)).text).runs[0].results.map((r: { ruleId: string; partialFingerprints: { primaryLocationLineHash: string } }) => `${r.ruleId} ${r.partialFingerprints.primaryLocationLineHash}`).sort();
    const stack = readFileSync(path.join(dir, 'docker-stack.yml'), 'utf8');
    writeFileSync(path.join(dir, 'docker-stack.yml'), `# moved down\n\n${stack.replace('services:\n', 'services:\n\n')}`);
    const after = JSON.parse((await report('sarif', dir)).text).runs[0].results.map((r: { ruleId: string; partialFingerprints: { primaryLocationLineHash: string } }) => `${r.ruleId} ${r.partialFingerprints.primaryLocationLineHash}`).sort();
    expect(after).toEqual(before);
  });
});

describe('github', () => {
  it('escapes data and properties as GitHub documents', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('annotates blockers first, at most 10 per level, and writes the step summary with what was left out', async () => {
    const services = Array.from({ length: 14 }, (_, i) => `  s${i}:\n    build: ./s${i}\n`).join('');
    const dir = writeProject({ 'docker-stack.yml': `services:\n${services}`, Dockerfile: 'FROM node:latest\n' });
    const summary = path.join(dir, 'summary.md');
    writeFileSync(summary, '');
    const { text } = await report('github', dir, { GITHUB_STEP_SUMMARY: summary });
    const lines = text.trim().split('\n');
    const errors = lines.filter((l) => l.startsWith('::error '));
    expect(errors.length).toBe(10);
    expect(errors[0]).toMatch(/^::error file=docker-stack\.yml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=swarm\/build-without-image::/);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBeLessThanOrEqual(10);
    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/### twelvelint: .* · Swarm ❌ not deployable/);
    expect(md).toContain('| Factor | Score | Status |');
    expect(md).toMatch(/\d+ findings are listed here but not annotated/);
  });
});

describe('junit, checkstyle, codeclimate/gitlab, rdjson, markdown', () => {
  it('junit: one testsuite per factor, a testcase per rule and file, failures listing the findings', async () => {
    const { text } = await report('junit', project());
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="twelvelint" tests="\d+" failures="\d+" errors="0">/);
    expect(text.match(/<testsuite /g)?.length).toBe(13);
    expect(text).toMatch(/<testsuite name="Swarm compatibility" tests="\d+" failures="\d+" errors="0">/);
    expect(text).toMatch(/<testcase classname="swarm\/build-without-image" name="swarm\/build-without-image docker-stack\.yml" file="docker-stack\.yml">\n\s+<failure message="\d+ findings?" type="error">docker-stack\.yml:\d+:\d+ error: /);
    expect(text.match(/<testsuite /g)?.length).toBe(text.match(/<\/testsuite>/g)?.length);
  });

  it('checkstyle: file elements with error line, column, severity, message, source', async () => {
    const { text } = await report('checkstyle', project());
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<checkstyle version="4\.3">/);
    expect(text).toMatch(/<file name="docker-stack\.yml">\n\s+<error line="\d+" column="\d+" severity="(error|warning|info)" message="[^"]+" source="twelvelint\.[a-z-]+\/[a-z-]+"\/>/);
  });

  it('codeclimate (and gitlab): the fields GitLab code quality requires', async () => {
    const dir = project();
    for (const format of ['codeclimate', 'gitlab']) {
      const issues = JSON.parse((await report(format, dir)).text) as Record<string, unknown>[];
      expect(issues.length).toBeGreaterThan(3);
      for (const issue of issues) {
        expect(issue).toMatchObject({ description: expect.any(String), check_name: expect.any(String), fingerprint: expect.any(String), severity: expect.stringMatching(/^(info|minor|major|critical|blocker)$/), location: { path: expect.any(String), lines: { begin: expect.any(Number) } } });
      }
      expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    }
  });

  it('rdjson: reviewdog diagnostics with source, severity, location range and code', async () => {
    const doc = JSON.parse((await report('rdjson', project())).text);
    expect(doc.source.name).toBe('twelvelint');
    for (const d of doc.diagnostics) {
      expect(d).toMatchObject({ message: expect.any(String), severity: expect.stringMatching(/^(ERROR|WARNING|INFO)$/), location: { path: expect.any(String), range: { start: { line: expect.any(Number), column: expect.any(Number) } } }, code: { value: expect.any(String) } });
    }
    expect(doc.diagnostics.some((d: { suggestions?: unknown[] }) => d.suggestions?.length)).toBe(true);
  });

  it('markdown: comment-sized, verdict and a findings table with docs links', async () => {
    const { text } = await report('markdown', project());
    expect(text.length).toBeLessThan(65_536);
    expect(text).toMatch(/^### twelvelint: \d+\/100 \([A-F]\) · Swarm ❌ not deployable/);
    expect(text).toMatch(/\| ⛔ \| `docker-stack\.yml:\d+` \| .* \| \[swarm\/build-without-image\]\(https:\/\/github\.com\/twelvelint\/twelvelint\/blob\/main\/docs\/rules\/swarm\/build-without-image\.md\) \|/);
  });

  it('several formats in one run; one to stdout, the others to files', async () => {
    const dir = project();
    const r = await runCli(['--format', 'markdown', '--format', `sarif=${path.join(dir, 'a.sarif')}`, '--format', `json=${path.join(dir, 'a.json')}`, '.'], dir);
    expect(r.stdout).toMatch(/^### twelvelint/);
    expect(JSON.parse(readFileSync(path.join(dir, 'a.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8')).tool.name).toBe('twelvelint');
    const two = await runCli(['--format', 'json', '--format', 'markdown', '.'], dir);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/Only one format can go to standard output/);
  });

  it('json paths are relative, or absolute with --absolute-paths', async () => {
    const dir = project();
    const rel = JSON.parse((await runCli(['-f', 'json', '.'], dir)).stdout);
    const abs = JSON.parse((await runCli(['-f', 'json', '--absolute-paths', '.'], dir)).stdout);
    expect(rel.results.map((r: { filePath: string }) => r.filePath)).toContain('docker-stack.yml');
    expect(abs.results.map((r: { filePath: string }) => r.filePath)).toContain(path.join(rel.root, 'docker-stack.yml'));
  });
});

describe('stylish', () => {
  it('keeps finding lines within 100 columns and prints docs URLs with --verbose', async () => {
    const dir = project();
    const plain = (await runCli(['.'], dir)).stdout;
    const findingLines = plain.split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l) || /^ {10,}\S/.test(l));
    expect(findingLines.length).toBeGreaterThan(3);
    for (const l of findingLines) expect(l.length).toBeLessThanOrEqual(100);
    const verbose = (await runCli(['--verbose', '.'], dir)).stdout;
    expect(verbose).toContain('https://github.com/twelvelint/twelvelint/blob/main/docs/rules/swarm/build-without-image.md');
  });
});
