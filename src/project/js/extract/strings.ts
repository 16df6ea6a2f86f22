import type { Context, StringFact } from '../facts.js';
import { nameFor, unwrap, type CallNode, type Node, type Scope } from './scope.js';
import type { FactVisitor, Walk } from './walk.js';

/**
 * String literals that may be secrets (by the name they are given or by a
 * known token format) or connection URLs and local addresses.
 */

const SECRET_HINT = /pass|pwd|secret|token|key|credential|auth|dsn|salt|private/i;
export const KNOWN_SECRET_FORMAT =
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36,}|\bgithub_pat_[A-Za-z0-9_]{60,}|\bxox[abposr]-[0-9A-Za-z-]{10,}|\b[sr]k_live_[0-9A-Za-z]{20,}|-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----|\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{20,}|\bglpat-[A-Za-z0-9_-]{20}|\bnpm_[A-Za-z0-9]{36}\b/;
const URLISH = /^[a-z][a-z0-9+.-]*:\/\//i;
const LOCALISH = /\b(localhost|127\.0\.0\.1|0\.0\.0\.0)\b|\[::1\]|^::1$/;

interface PendingString {
  node: Node;
  value: string;
  parent?: Node;
  grand?: Node;
  ctx?: Context;
  callNode?: CallNode;
}

export function stringsVisitor(scope: Scope): FactVisitor<StringFact[]> {
  const pending: PendingString[] = [];
  const note = (node: Node, value: string, at: Walk) => {
    pending.push({ node, value, parent: at.parent, grand: at.grand, ctx: at.ctx, callNode: at.call });
  };
  /** A whole literal: kept for its format, the name it is given, or as the fallback of a `||`. */
  const noteLiteral = (node: Node, value: string, at: Walk) => {
    const parent = at.parent;
    const grand = at.grand;
    if (value.length < 3 || value.length > 10_000) return;
    const keep =
      URLISH.test(value) ||
      LOCALISH.test(value) ||
      KNOWN_SECRET_FORMAT.test(value) ||
      (value.length >= 8 && SECRET_HINT.test(nameFor(node, parent, grand) ?? '')) ||
      (parent?.type === 'LogicalExpression' && parent.right === node && value.length >= 8);
    if (keep) note(node, value, at);
  };
  return {
    enter: {
      Literal: (node, at) => {
        if (typeof node.value === 'string') noteLiteral(node, node.value, at);
      },
      TemplateLiteral: (node, at) => {
        if (node.expressions.length === 0) {
          const v = node.quasis[0]?.value.cooked;
          if (v) noteLiteral(node, v, at);
          return;
        }
        // `postgres://${host}:5432`: only the URL-like shape is known.
        const v = node.quasis.map((q) => q.value.cooked ?? '').join('${…}');
        if (URLISH.test(v) || LOCALISH.test(v)) note(node, v, at);
      },
    },
    finish: () => {
      const facts: StringFact[] = [];
      for (const s of pending) {
        const fact: StringFact = { value: s.value, range: scope.range(s.node) };
        const name = nameFor(s.node, s.parent, s.grand);
        if (name) fact.name = name;
        if (s.parent?.type === 'LogicalExpression' && s.parent.right === s.node) {
          const left = unwrap(s.parent.left);
          const env = scope.envName(left) ?? (left?.type === 'CallExpression' ? scope.envName(left.arguments[0]) : undefined);
          if (env) {
            fact.envFallback = env;
            fact.name ??= env;
          }
        }
        const configName = configGetterName(s.node, s.parent);
        if (configName && !fact.envFallback) {
          fact.envFallback = configName;
          fact.name ??= configName;
        }
        if (s.callNode) {
          const callee = scope.resolveName(s.callNode.callee);
          if (callee) fact.callee = callee;
        }
        if (s.ctx) fact.ctx = s.ctx;
        facts.push(fact);
      }
      return facts;
    },
  };
}

/**
 * `configService.get('REDIS_URL', 'redis://localhost:6379')`: the default of a configuration
 * getter (NestJS ConfigService, and the like) that looks a variable up by its environment name.
 * Returns that name when the literal is such a default.
 */
function configGetterName(node: Node, parent: Node | undefined): string | undefined {
  if (parent?.type !== 'CallExpression' || parent.arguments[1] !== node) return undefined;
  const callee = parent.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
  if (!/^(get|getOrThrow|getString|getOrDefault)$/.test(callee.property.name)) return undefined;
  const receiver = callee.object.type === 'MemberExpression' && !callee.object.computed && callee.object.property.type === 'Identifier' ? callee.object.property.name : callee.object.type === 'Identifier' ? callee.object.name : '';
  if (!/config|env|settings/i.test(receiver)) return undefined;
  const first = parent.arguments[0];
  return first?.type === 'Literal' && typeof first.value === 'string' && /^[A-Z][A-Z0-9_]*$/.test(first.value) ? first.value : undefined;
}

