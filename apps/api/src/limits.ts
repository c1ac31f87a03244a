/**
 * Request limits (docs/security.md). Every check here runs before execution, on HTTP and on the
 * WebSocket alike, in time linear in the size of the request:
 *  - query shape: tokens (graphql-js `parse({ maxTokens })`), depth, aliases and directives
 *    (graphql-armor's rules, which visit each fragment once), cost (ours below, schema-aware and
 *    memoised per fragment): `queryRules` are validation rules, errors QUERY_TOO_COMPLEX;
 *  - arguments (`checkArguments`): NUL bytes in any string (BAD_USER_INPUT), the conditions of a
 *    runs filter (LIMIT_EXCEEDED);
 *  - the per-token rate limit (`RateLimiter`, RATE_LIMITED) and the response size (`responseLimit`).
 * The fixed limits of single operations (batch sizes, page sizes) are `LIMITS`.
 */
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, Kind, TypeInfo, getNamedType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, visit, visitWithTypeInfo } from "graphql";
import type {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLInputType,
  GraphQLOutputType,
  GraphQLSchema,
  GraphQLType,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  ValueNode,
} from "graphql";
import { readEnv, type RequestLimits } from "./config";
import { badInput, limitError, type LimitName } from "./errors";

export const LIMITS = {
  /** express.json body limit. 10,000 metric points are ~0.7 MB. */
  bodyBytes: 2 * 1024 * 1024,
  maxMetricBatch: 10_000,
  maxLogBatch: 1000,
  maxLogPage: 1000,
  maxPageSize: 100,
  maxCompareRuns: 20,
  maxSeriesRuns: 100,
  maxSeriesKeys: 20,
  maxSeriesPoints: 10_000,
} as const;

/** The number an armor rule found, from its rejection message ("… exceeded, found 21."). */
function foundIn(err: GraphQLError): number | undefined {
  const m = /found (\d+)/.exec(err.message);
  return m ? Number(m[1]) : undefined;
}

type ArmorRule = (options: {
  n: number;
  exposeLimits: boolean;
  propagateOnRejection: boolean;
  onReject: ((ctx: ValidationContext | null, err: GraphQLError) => void)[];
  flattenFragments?: boolean;
  ignoreIntrospection?: boolean;
}) => ValidationRule;

/**
 * A graphql-armor rule reporting our typed error (QUERY_TOO_COMPLEX with `limit`, `max`, `found`)
 * instead of throwing its own.
 */
function armored(rule: ArmorRule, limit: LimitName, max: number, message: (found: number | undefined) => string, extra: { flattenFragments?: boolean; ignoreIntrospection?: boolean } = {}): ValidationRule {
  return rule({
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (ctx, err) => {
        const found = foundIn(err);
        ctx?.reportError(limitError("QUERY_TOO_COMPLEX", limit, max, message(found), found));
      },
    ],
    ...extra,
  });
}

/**
 * Validation rule: reject operations nested deeper than `maxDepth` fields (fragments followed,
 * each fragment measured once; `__schema` not counted: graphql-js' MaxIntrospectionDepthRule
 * bounds introspection).
 */
export function depthLimitRule(maxDepth: number = readEnv("LOFFTA_MAX_QUERY_DEPTH")): ValidationRule {
  return armored(maxDepthRule as ArmorRule, "depth", maxDepth, (found) => `query depth ${found ?? "(unknown)"} exceeds the limit of ${maxDepth}`, { flattenFragments: true, ignoreIntrospection: true });
}

/** Validation rule: at most `max` aliased fields per operation (fragments followed, `__typename` free). */
export function aliasLimitRule(max: number = readEnv("LOFFTA_MAX_ALIASES")): ValidationRule {
  return armored(maxAliasesRule as ArmorRule, "aliases", max, (found) => `${found ?? "too many"} aliases exceed the limit of ${max} per operation`);
}

/** Validation rule: at most `max` directives per operation (fragments followed). */
export function directiveLimitRule(max: number = readEnv("LOFFTA_MAX_DIRECTIVES")): ValidationRule {
  return armored(maxDirectivesRule as ArmorRule, "directives", max, (found) => `${found ?? "too many"} directives exceed the limit of ${max} per operation`);
}

function fragmentsOf(ctx: ValidationContext): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const d of ctx.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out[d.name.value] = d;
  return out;
}

/** Page sizes assumed for list fields: the literal `first` argument when given, else the maximum. */
function listMultiplier(field: FieldNode, def: GraphQLField<unknown, unknown> | undefined): number {
  for (const name of ["first", "limit"]) {
    const arg = field.arguments?.find((a) => a.name.value === name);
    if (arg) return literalInt(arg.value) ?? LIMITS.maxPageSize;
    const argDef = def?.args.find((a) => a.name === name);
    if (argDef && typeof argDef.defaultValue === "number") return argDef.defaultValue;
  }
  return 10;
}

function literalInt(v: ValueNode): number | null {
  return v.kind === Kind.INT ? Math.max(0, Number(v.value)) : null;
}

function unwrapIsList(t: GraphQLType): boolean {
  let u: GraphQLType = t;
  while (isNonNullType(u)) u = u.ofType;
  return isListType(u);
}

/**
 * Cost of a selection: 1 per field; a field returning a list of objects (or a `…Connection`)
 * multiplies its sub-selection's cost by its page size (literal `first`, the default, or the
 * maximum page size when given by a variable). Scalar lists cost 1.
 *
 * Linear in the document: a fragment's cost does not depend on where it is spread (its type
 * condition fixes its type), so each fragment is costed once (`memo`) and every further spread
 * adds that number. Without the memo, n fragments that each spread the next twice take 2^n steps.
 */
export function selectionCost(
  selectionSet: SelectionSetNode,
  parentType: GraphQLOutputType,
  fragments: Record<string, FragmentDefinitionNode>,
  getType: (name: string) => GraphQLOutputType | undefined,
  seen = new Set<string>(),
  memo = new Map<string, number>(),
): number {
  const named = getNamedType(parentType);
  let total = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      const fields = isObjectType(named) || isInterfaceType(named) ? named.getFields() : undefined;
      const def = fields?.[sel.name.value];
      if (!sel.selectionSet || !def) {
        total += 1;
        continue;
      }
      const sub = selectionCost(sel.selectionSet, def.type, fragments, getType, seen, memo);
      const isConnection = getNamedType(def.type).name.endsWith("Connection");
      const mult = unwrapIsList(def.type) || isConnection ? listMultiplier(sel, def) : 1;
      total += 1 + mult * sub;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t = sel.typeCondition ? (getType(sel.typeCondition.name.value) ?? parentType) : parentType;
      total += selectionCost(sel.selectionSet, t, fragments, getType, seen, memo);
    } else {
      const name = sel.name.value;
      const known = memo.get(name);
      if (known !== undefined) {
        total += known;
        continue;
      }
      const frag = fragments[name];
      if (!frag || seen.has(name)) continue; // unknown/cyclic fragments are reported by the standard rules
      seen.add(name);
      const cost = selectionCost(frag.selectionSet, getType(frag.typeCondition.name.value) ?? parentType, fragments, getType, seen, memo);
      seen.delete(name);
      memo.set(name, cost);
      total += cost;
    }
  }
  return total;
}

/** Validation rule: reject operations whose estimated cost exceeds `maxCost`. */
export function costLimitRule(maxCost: number = readEnv("LOFFTA_MAX_QUERY_COST")): ValidationRule {
  return (ctx: ValidationContext): ASTVisitor => {
    const memo = new Map<string, number>(); // fragment costs, shared by the document's operations
    return {
      OperationDefinition(node) {
        const schema = ctx.getSchema();
        const root = node.operation === "query" ? schema.getQueryType() : node.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
        if (!root) return;
        const getType = (name: string) => {
          const t = schema.getType(name);
          return t && (isObjectType(t) || isInterfaceType(t)) ? t : undefined;
        };
        const cost = selectionCost(node.selectionSet, root, fragmentsOf(ctx), getType, new Set(), memo);
        if (cost > maxCost) {
          const found = Number.isFinite(cost) ? cost : undefined;
          const err = limitError("QUERY_TOO_COMPLEX", "cost", maxCost, `query cost ${found ?? "(overflow)"} exceeds the limit of ${maxCost}`, found);
          ctx.reportError(new GraphQLError(err.message, { nodes: [node], extensions: err.extensions }));
        }
      },
    };
  };
}

/** The query-shape rules (after graphql-js' specifiedRules) for `limits`. */
export function queryRules(limits: Pick<RequestLimits, "maxDepth" | "maxCost" | "maxAliases" | "maxDirectives">): ValidationRule[] {
  return [depthLimitRule(limits.maxDepth), costLimitRule(limits.maxCost), aliasLimitRule(limits.maxAliases), directiveLimitRule(limits.maxDirectives)];
}

/** graphql-js' parse error for `maxTokens`, as our typed error (null for other syntax errors). */
export function tokenLimitError(err: { message: string }, maxTokens: number): GraphQLError | null {
  // graphql-js 16 says "more that N tokens" (sic).
  if (!/Document contains more tha[nt] \d+ tokens/.test(err.message)) return null;
  return limitError("QUERY_TOO_COMPLEX", "tokens", maxTokens, `the document has more than ${maxTokens} tokens (the limit): pass large inputs as variables`);
}

/**
 * Input lists capped per input type, together: the conditions of a `RunFilter` (`config`,
 * `metrics`, `configRanges`) count against one maxFilterConditions.
 */
const INPUT_LIST_CAPS: Record<string, { fields: readonly string[]; key: "maxFilterConditions"; limit: LimitName; what: string }> = {
  RunFilter: { fields: ["config", "metrics", "configRanges"], key: "maxFilterConditions", limit: "filterConditions", what: "filter conditions (config, metrics, configRanges)" },
};

interface ArgumentProblem {
  path: (string | number)[];
  error: (path: string) => GraphQLError;
}

const nulError = (path: string) => badInput(`${path}: must not contain NUL (\\u0000) characters`, [{ path, message: "must not contain NUL (\\u0000) characters" }]);

function capError(path: string, limit: LimitName, max: number, found: number, what: string): GraphQLError {
  return limitError("LIMIT_EXCEEDED", limit, max, `${path}: ${found} ${what} exceed the limit of ${max}`, found, [{ path, message: `at most ${max} ${what}` }]);
}

function inputField(type: GraphQLInputType | undefined, name: string): GraphQLInputType | undefined {
  const named = type && getNamedType(type);
  return named && isInputObjectType(named) ? named.getFields()[name]?.type : undefined;
}

function listItem(type: GraphQLInputType | undefined): GraphQLInputType | undefined {
  let t = type;
  while (t && isNonNullType(t)) t = t.ofType;
  return t && isListType(t) ? t.ofType : type;
}

/**
 * The first problem in a variable's value (NUL in a string or a key, a capped list too long),
 * walked along its input type without recursion (JSON values can nest deeply).
 */
function rawProblem(value: unknown, type: GraphQLInputType | undefined, caps: RequestLimits): ArgumentProblem | null {
  interface Item {
    value: unknown;
    type: GraphQLInputType | undefined;
    key: string | number | null;
    parent: Item | null;
  }
  const pathOf = (item: Item | null, last?: string | number): (string | number)[] => {
    const out: (string | number)[] = last === undefined ? [] : [last];
    for (let i = item; i && i.key !== null; i = i.parent) out.unshift(i.key);
    return out;
  };
  const stack: Item[] = [{ value, type, key: null, parent: null }];
  while (stack.length) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === "string") {
      if (v.includes("\0")) return { path: pathOf(item), error: nulError };
    } else if (Array.isArray(v)) {
      const t = listItem(item.type);
      // A list of Int or Float holds no string a resolver could see (coercion refuses anything
      // else): not walked (a 1,000-point logMetricColumns batch is 3,000 such items).
      const named = t && getNamedType(t);
      if (named && (named.name === "Int" || named.name === "Float")) continue;
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], type: t, key: i, parent: item });
    } else if (v !== null && typeof v === "object") {
      const named = item.type && getNamedType(item.type);
      const cap = named ? INPUT_LIST_CAPS[named.name] : undefined;
      if (cap) {
        const obj = v as Record<string, unknown>;
        const lists = cap.fields.filter((k) => Array.isArray(obj[k]));
        const total = lists.reduce((n, k) => n + (obj[k] as unknown[]).length, 0);
        const max = caps[cap.key];
        if (total > max) return { path: pathOf(item, lists.at(-1)), error: (p) => capError(p, cap.limit, max, total, cap.what) };
      }
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (k.includes("\0")) return { path: pathOf(item, k), error: nulError };
        stack.push({ value: child, type: inputField(item.type, k), key: k, parent: item });
      }
    }
  }
  return null;
}

/**
 * Check every argument of the document before execution: no string (also inside JSON values and
 * their keys) holds a NUL byte (Postgres text and jsonb cannot store one), and capped input
 * lists (the config conditions of a runs filter) are within their limit. Literals are walked as
 * the parser left them; each variable's value once per input type it is used at. Returns the
 * first problem as a typed error whose path starts at the field and argument
 * (`runs.filter.config.0.value`), or null.
 */
export function checkArguments(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | null | undefined, limits: RequestLimits): GraphQLError | null {
  const vars = variables ?? {};
  const memo = new Map<string, ArgumentProblem | null>();
  const variableProblem = (name: string, type: GraphQLInputType | undefined) => {
    const key = `${name}:${type ? String(type) : "?"}`;
    if (!memo.has(key)) memo.set(key, rawProblem(vars[name], type, limits));
    return memo.get(key)!;
  };
  const astProblem = (node: ValueNode, type: GraphQLInputType | undefined): ArgumentProblem | null => {
    switch (node.kind) {
      case Kind.VARIABLE:
        return variableProblem(node.name.value, type);
      case Kind.STRING:
        return node.value.includes("\0") ? { path: [], error: nulError } : null;
      case Kind.LIST: {
        const t = listItem(type);
        for (const [i, item] of node.values.entries()) {
          const p = astProblem(item, t);
          if (p) return { ...p, path: [i, ...p.path] };
        }
        return null;
      }
      case Kind.OBJECT: {
        const named = type && getNamedType(type);
        const cap = named ? INPUT_LIST_CAPS[named.name] : undefined;
        if (cap) {
          let total = 0;
          let last: string | undefined;
          for (const f of node.fields) {
            if (!cap.fields.includes(f.name.value)) continue;
            const raw = f.value.kind === Kind.VARIABLE ? vars[f.value.name.value] : undefined;
            const n = f.value.kind === Kind.LIST ? f.value.values.length : Array.isArray(raw) ? raw.length : 0;
            total += n;
            if (n) last = f.name.value;
          }
          const max = limits[cap.key];
          if (total > max && last) {
            const found = total;
            return { path: [last], error: (p) => capError(p, cap.limit, max, found, cap.what) };
          }
        }
        for (const f of node.fields) {
          const p = astProblem(f.value, inputField(type, f.name.value));
          if (p) return { ...p, path: [f.name.value, ...p.path] };
        }
        return null;
      }
      default:
        return null;
    }
  };

  const typeInfo = new TypeInfo(schema);
  let found: GraphQLError | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (found) return false;
        const arg = typeInfo.getArgument();
        const owner = typeInfo.getDirective() ? `@${typeInfo.getDirective()!.name}` : (typeInfo.getFieldDef()?.name ?? "?");
        const p = astProblem(node.value, arg?.type);
        if (p) found = p.error([owner, node.name.value, ...p.path].join(".").replace(/\0/g, "\\u0000"));
        return false;
      },
    }),
  );
  return found;
}

/**
 * Token-bucket rate limiter: `burst` operations at once, refilled at `perSec` per second, per key
 * (a token id, or a client address for anonymous requests). perSec 0 turns it off.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly perSec: number,
    readonly burst: number,
  ) {}

  /** Take one operation's place: null when allowed, else the milliseconds until one is free. */
  take(key: string, now = Date.now()): number | null {
    if (this.perSec <= 0) return null;
    const b = this.buckets.get(key);
    if (!b) {
      this.buckets.set(key, { tokens: this.burst - 1, at: now });
      return null;
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSec);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil(((1 - b.tokens) / this.perSec) * 1000));
  }

  /** Forget keys whose bucket has refilled (they behave exactly like new ones). */
  prune(now = Date.now()): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.perSec >= this.burst) this.buckets.delete(k);
  }

  /** The typed error of a refused operation. */
  error(retryAfterMs: number): GraphQLError {
    return limitError("RATE_LIMITED", "rate", this.perSec, `rate limit of ${this.perSec} operations per second (bursts of ${this.burst}) per token exceeded: retry in ${Math.ceil(retryAfterMs / 1000)} s`, undefined, undefined, {
      burst: this.burst,
      retryAfterMs,
    });
  }
}

/** The error that replaces a response over `max` bytes (the operation did run). */
export function responseTooLarge(bytes: number, max: number): GraphQLError {
  return limitError("LIMIT_EXCEEDED", "responseBytes", max, `the response (${bytes} bytes) exceeds the limit of ${max} bytes and was dropped (the operation itself ran): select fewer fields or items`, bytes);
}

/**
 * Apollo's `stringifyResult` with the response-size limit: one serialisation; a result over
 * `max` bytes becomes a LIMIT_EXCEEDED error.
 */
export function responseLimit(max: number): (value: object) => string {
  return (value) => {
    const s = JSON.stringify(value);
    // UTF-8 needs at least one byte per UTF-16 unit and at most three.
    if (s.length * 3 <= max) return s;
    const bytes = Buffer.byteLength(s);
    return bytes <= max ? s : JSON.stringify({ errors: [responseTooLarge(bytes, max).toJSON()] });
  };
}
