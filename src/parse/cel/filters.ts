/**
 * CRD rules of route filters (HTTPRouteFilter / GRPCRouteFilter `x-kubernetes-validations`): the
 * field of each type is set exactly for that type, some types appear at most once, redirect and
 * rewrite exclude each other, mirror fractions, path modifiers, CORS wildcards.
 */
import type { PathSegment } from "../../model/source";
import { backendPortRule, has, isObj, list, type Any, type RuleError } from "./util";

/** Filter type → the field that carries its settings. */
const FIELDS: Record<string, string> = {
  RequestHeaderModifier: "requestHeaderModifier",
  ResponseHeaderModifier: "responseHeaderModifier",
  RequestMirror: "requestMirror",
  RequestRedirect: "requestRedirect",
  URLRewrite: "urlRewrite",
  ExtensionRef: "extensionRef",
  CORS: "cors",
  ExternalAuth: "externalAuth",
};

/** Types each route kind's filters may repeat at most once (the "… filter cannot be repeated" rules). */
const SINGLE: Record<string, string[]> = {
  HTTPRoute: ["CORS", "RequestHeaderModifier", "ResponseHeaderModifier", "RequestRedirect", "URLRewrite"],
  GRPCRoute: ["RequestHeaderModifier", "ResponseHeaderModifier"],
};

/** Types each route kind's filters know (the per-type field rules exist for these). */
const TYPES: Record<string, string[]> = {
  HTTPRoute: Object.keys(FIELDS),
  GRPCRoute: ["RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "ExtensionRef"],
};

/** The rules of one `filters` list of a route rule or a backendRef. */
export function filterListRules(kind: string, filters: unknown, at: PathSegment[]): RuleError[] {
  const types = TYPES[kind];
  if (!types) return [];
  const out: RuleError[] = [];
  const fs = list(filters);
  for (const t of SINGLE[kind] ?? []) {
    if (fs.filter((f: Any) => isObj(f) && f.type === t).length > 1) out.push({ path: at, message: `${t} filter cannot be repeated` });
  }
  // HTTPRouteRule.filters: "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both"
  if (kind === "HTTPRoute" && fs.some((f: Any) => isObj(f) && f.type === "RequestRedirect") && fs.some((f: Any) => isObj(f) && f.type === "URLRewrite")) {
    out.push({ path: at, message: "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both" });
  }
  fs.forEach((f: Any, i) => {
    if (!isObj(f)) return;
    const p: PathSegment[] = [...at, i];
    for (const t of types) {
      const field = FIELDS[t];
      // "filter.<field> must be nil if the filter.type is not <Type>" / "… must be specified for <Type> filter.type"
      if (has(f, field) && f.type !== t) out.push({ path: [...p, field], message: `filter.${field} must be nil if the filter.type is not ${t}` });
      if (!has(f, field) && f.type === t) out.push({ path: [...p, "type"], message: `filter.${field} must be specified for ${t} filter.type` });
    }
    if (isObj(f.requestMirror)) out.push(...mirrorRules(f.requestMirror, [...p, "requestMirror"]));
    if (kind === "HTTPRoute") {
      for (const field of ["requestRedirect", "urlRewrite"]) if (isObj(f[field]) && isObj(f[field].path)) out.push(...pathModifierRules(f[field].path, [...p, field, "path"]));
      if (isObj(f.cors)) out.push(...corsRules(f.cors, [...p, "cors"]));
    }
  });
  return out;
}

/** HTTPRequestMirrorFilter: percent xor fraction, numerator ≤ denominator, a Service needs a port. */
function mirrorRules(m: Any, at: PathSegment[]): RuleError[] {
  const out: RuleError[] = [...backendPortRule(m.backendRef, [...at, "backendRef"])];
  if (has(m, "percent") && has(m, "fraction")) out.push({ path: at, message: "Only one of percent or fraction may be specified in HTTPRequestMirrorFilter" });
  const fr = m.fraction;
  if (isObj(fr) && typeof fr.numerator === "number" && fr.numerator > (typeof fr.denominator === "number" ? fr.denominator : 100)) out.push({ path: [...at, "fraction"], message: "numerator must be less than or equal to denominator" });
  return out;
}

/** HTTPPathModifier: its type and the field it names go together. */
function pathModifierRules(p: Any, at: PathSegment[]): RuleError[] {
  const out: RuleError[] = [];
  for (const [type, field] of [["ReplaceFullPath", "replaceFullPath"], ["ReplacePrefixMatch", "replacePrefixMatch"]]) {
    if (p.type === type && !has(p, field)) out.push({ path: at, message: `${field} must be specified when type is set to '${type}'` });
    if (has(p, field) && p.type !== type) out.push({ path: [...at, field], message: `type must be '${type}' when ${field} is set` });
  }
  return out;
}

/** HTTPCORSFilter: `*` stands alone in allowOrigins, allowMethods and allowHeaders. */
function corsRules(c: Any, at: PathSegment[]): RuleError[] {
  const out: RuleError[] = [];
  const lists: [string, string][] = [["allowOrigins", "AllowOrigins cannot contain '*' alongside other origins"], ["allowMethods", "AllowMethods cannot contain '*' alongside other methods"], ["allowHeaders", "AllowHeaders cannot contain '*' alongside other methods"]];
  for (const [field, message] of lists) {
    const v = list(c[field]);
    if (v.includes("*") && v.length > 1) out.push({ path: [...at, field], message });
  }
  return out;
}
