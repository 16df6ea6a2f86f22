import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './support/cli.js';
import { writeProject } from './support/rule-tester.js';

const findings = (json: { results: { filePath: string; messages: { ruleId: string }[] }[] }) => json.results.flatMap((r) => r.messages.map((m) => `${r.filePath} ${m.ruleId}`));

describe('baseline', () => {
  it('accepts today\'s findings, reports only new ones, survives a line move, names stale entries', async () => {
    const dir = writeProject({ Dockerfile: 'FROM node:latest\nCMD npm start\n', 'docker-stack.yml': 'services:\n  web:\n    build: .\n' });
    const baseline = path.join(dir, 'twelvelint-baseline.json');
    const written = await runCli(['--write-baseline', baseline, '.'], dir);
    expect(written.stderr).toMatch(/wrote \d+ findings to the baseline/);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).entries.length).toBeGreaterThan(3);

    // Nothing new: no finding, and the blocker's finding no longer fails the run by severity.
    const same = await runJson(['--baseline', baseline, '--fail-on-verdict', 'never', '.'], dir);
    expect(findings(same.json)).toEqual([]);
    expect(same.code).toBe(0);
    expect(same.json.results.flatMap((r: { suppressedMessages: { suppressions: { kind: string }[] }[] }) => r.suppressedMessages.map((m) => m.suppressions[0].kind))).toContain('external');

    // Lines move and a new problem appears: only the new one is reported.
    writeFileSync(path.join(dir, 'Dockerfile'), '# base\n\nFROM node:latest\n\nCMD npm start\nVOLUME /data\n');
    const moved = await runJson(['--baseline', baseline, '--fail-on-verdict', 'never', '.'], dir);
    expect(findings(moved.json)).toEqual(['Dockerfile processes/dockerfile-volume']);

    // A fixed finding leaves a stale entry, which is named.
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:22\nCMD npm start\n');
    const fixed = await runJson(['--baseline', baseline, '--fail-on-verdict', 'never', '.'], dir);
    expect(fixed.json.diagnostics).toContainEqual(expect.objectContaining({ code: 'baseline-stale', message: expect.stringContaining('Dockerfile: dependencies/unpinned-base-image') }));
  });

  it('a device named as the baseline is read no further than the size cap', async () => {
    const r = await runCli(['--baseline', '/dev/zero', '.'], writeProject({ Dockerfile: 'FROM node:20\n' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read baseline \/dev\/zero: .*limit/);
  });

  it('a file that is not a baseline is a usage error', async () => {
    const dir = writeProject({ Dockerfile: 'FROM node:20\n', 'b.json': '{"x": 1}' });
    const r = await runCli(['--baseline', 'b.json', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a twelvelint baseline/);
  });
});
