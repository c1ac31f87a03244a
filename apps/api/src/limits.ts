/**
 * Request limits: query depth and cost (validation rules run on HTTP and WebSocket), batch sizes
 * and the HTTP body size.
 */
import { GraphQLError, Kind, getNamedType, isListType, isNonNullType, isObjectType, isInterfaceType } from "graphql";
import type {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLOutputType,
  GraphQLType,
  SelectionSetNode,
  ValidationContext,
  ValueNode,
} from "graphql";

export const LIMITS = {
  /** express.json body limit. 10,000 metric points are ~0.7 MB. */
  bodyBytes: 2 * 1024 * 1024,
  maxDepth: 12,
  maxCost: 20_000,
  maxMetricBatch: 10_000,
  maxLogBatch: 1000,
  maxLogPage: 1000,
  maxPageSize: 100,
  maxCompareRuns: 20,
  maxSeriesRuns: 100,
  maxSeriesKeys: 20,
  maxSeriesPoints: 10_000,
} as const;

/** Depth of the deepest field selection, following fragments (introspection included). */
export function selectionDepth(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let max = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      max = Math.max(max, sel.selectionSet ? 1 + selectionDepth(sel.selectionSet, fragments, seen) : 1);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, selectionDepth(sel.selectionSet, fragments, seen));
    } else {
      const name = sel.name.value;
      const frag = fragments[name];
      if (!frag || seen.has(name)) continue; // unknown/cyclic fragments are reported by the standard rules
      seen.add(name);
      max = Math.max(max, selectionDepth(frag.selectionSet, fragments, seen));
      seen.delete(name);
    }
  }
  return max;
}

function fragmentsOf(ctx: ValidationContext): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const d of ctx.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out[d.name.value] = d;
  return out;
}

/** Validation rule: reject operations nested deeper than `maxDepth`. */
export function depthLimitRule(maxDepth: number = LIMITS.maxDepth) {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const depth = selectionDepth(node.selectionSet, fragmentsOf(ctx));
      if (depth > maxDepth) {
        ctx.reportError(new GraphQLError(`query depth ${depth} exceeds the limit of ${maxDepth}`, { nodes: [node], extensions: { code: "QUERY_TOO_COMPLEX" } }));
      }
    },
  });
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
 */
export function selectionCost(
  selectionSet: SelectionSetNode,
  parentType: GraphQLOutputType,
  fragments: Record<string, FragmentDefinitionNode>,
  getType: (name: string) => GraphQLOutputType | undefined,
  seen = new Set<string>(),
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
      const sub = selectionCost(sel.selectionSet, def.type, fragments, getType, seen);
      const isConnection = getNamedType(def.type).name.endsWith("Connection");
      const mult = unwrapIsList(def.type) || isConnection ? listMultiplier(sel, def) : 1;
      total += 1 + mult * sub;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t = sel.typeCondition ? (getType(sel.typeCondition.name.value) ?? parentType) : parentType;
      total += selectionCost(sel.selectionSet, t, fragments, getType, seen);
    } else {
      const frag = fragments[sel.name.value];
      if (!frag || seen.has(frag.name.value)) continue;
      seen.add(frag.name.value);
      total += selectionCost(frag.selectionSet, getType(frag.typeCondition.name.value) ?? parentType, fragments, getType, seen);
      seen.delete(frag.name.value);
    }
  }
  return total;
}

/** Validation rule: reject operations whose estimated cost exceeds `maxCost`. */
export function costLimitRule(maxCost: number = LIMITS.maxCost) {
  return (ctx: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const schema = ctx.getSchema();
      const root = node.operation === "query" ? schema.getQueryType() : node.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
      if (!root) return;
      const getType = (name: string) => {
        const t = schema.getType(name);
        return t && (isObjectType(t) || isInterfaceType(t)) ? t : undefined;
      };
      const cost = selectionCost(node.selectionSet, root, fragmentsOf(ctx), getType);
      if (cost > maxCost) {
        ctx.reportError(new GraphQLError(`query cost ${cost} exceeds the limit of ${maxCost}`, { nodes: [node], extensions: { code: "QUERY_TOO_COMPLEX" } }));
      }
    },
  });
}

/** Messages of the two rules below (Apollo re-codes validation errors; server.ts restores ours). */
export const TOO_COMPLEX = /^query (depth|cost) \d+ exceeds the limit/;

export const validationRules = [depthLimitRule(), costLimitRule()];
