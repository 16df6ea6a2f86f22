import type { Reporter } from './types.js';
import { allFindings, ruleIdOf, workspacePath } from './common.js';

/**
 * Code Climate issues as GitLab's code quality widget reads them (`gitlab` is the same format):
 * description, check_name, fingerprint, severity, location.path (relative to the repository)
 * and location.lines.begin.
 */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

export const codeclimate: Reporter = (results, context) => {
  const issues = allFindings(results, context).map(({ result, file, message: m }) => {
    const rel = workspacePath(result, file.filePath, context.cwd);
    const blocker = m.swarm === 'blocker' && m.level === 'error';
    return {
      type: 'issue',
      check_name: ruleIdOf(m),
      description: m.message,
      categories: [m.factor === 'swarm' ? 'Compatibility' : m.ruleId && context.rules.get(m.ruleId)?.securitySeverity !== undefined ? 'Security' : 'Style'],
      fingerprint: `${m.fingerprint}:${rel}`,
      severity: blocker ? 'blocker' : SEVERITY[m.level],
      location: { path: file.filePath === '.' ? '.' : rel, lines: { begin: m.line, end: m.endLine } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
