/**
 * The CRD rules, one row per rule: a minimal object that breaks it (the message and the field
 * reported), and the valid objects next to it that must pass.
 */
import { describe, expect, it } from "vitest";
import { crdRuleErrors } from "./index";

const G = "gateway.networking.k8s.io";
const gw = (listeners: unknown[], extra: object = {}) => ({ spec: { gatewayClassName: "c", listeners, ...extra } });
const route = (rules: unknown[], extra: object = {}) => ({ spec: { parentRefs: [{ name: "gw" }], rules, ...extra } });
const tls = { mode: "Terminate", certificateRefs: [{ name: "cert" }] };
const svc = (name = "s", port: number | undefined = 80) => ({ name, port });

describe("CRD rules (x-kubernetes-validations)", () => {
  it.each([
    { name: "listener names unique", kind: "Gateway", obj: gw([{ name: "a", port: 80, protocol: "HTTP" }, { name: "a", port: 81, protocol: "HTTP" }]), expect: ["spec.listeners.0.name: Listener name must be unique within the Gateway", "spec.listeners.1.name: Listener name must be unique within the Gateway"] },
    { name: "port/protocol/hostname unique", kind: "Gateway", obj: gw([{ name: "a", port: 80, protocol: "HTTP" }, { name: "b", port: 80, protocol: "HTTP" }]), expect: ["spec.listeners.0: Combination of port, protocol and hostname must be unique for each listener", "spec.listeners.1: Combination of port, protocol and hostname must be unique for each listener"] },
    { name: "no tls on HTTP", kind: "Gateway", obj: gw([{ name: "a", port: 80, protocol: "HTTP", tls }]), expect: ["spec.listeners.0.tls: tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"] },
    { name: "HTTPS is Terminate", kind: "Gateway", obj: gw([{ name: "a", port: 443, protocol: "HTTPS", tls: { mode: "Passthrough" } }]), expect: ["spec.listeners.0.tls.mode: tls mode must be Terminate for protocol HTTPS"] },
    { name: "no hostname on TCP", kind: "Gateway", obj: gw([{ name: "a", port: 5432, protocol: "TCP", hostname: "db.example.com" }]), expect: ["spec.listeners.0.hostname: hostname must not be specified for protocols ['TCP', 'UDP']"] },
    { name: "Terminate needs certificates", kind: "Gateway", obj: gw([{ name: "a", port: 443, protocol: "HTTPS", tls: { mode: "Terminate" } }]), expect: ["spec.listeners.0.tls: certificateRefs or options must be specified when mode is Terminate"] },
    { name: "address hostnames unique", kind: "Gateway", obj: gw([], { addresses: [{ type: "Hostname", value: "a.example" }, { type: "Hostname", value: "a.example" }] }), expect: ["spec.addresses.0.value: Hostname values must be unique", "spec.addresses.1.value: Hostname values must be unique"] },
    { name: "ListenerSet listeners", kind: "ListenerSet", obj: { spec: { parentRef: { name: "gw" }, listeners: [{ name: "x", port: 53, protocol: "UDP", hostname: "h.example" }] } }, expect: ["spec.listeners.0.hostname: hostname must not be specified for protocols ['TCP', 'UDP']"] },
    { name: "sectionName required for a repeated parent", kind: "HTTPRoute", obj: route([], { parentRefs: [{ name: "gw" }, { name: "gw", sectionName: "http" }] }), expect: ["spec.parentRefs.0: sectionName must be specified when parentRefs includes 2 or more references to the same parent", "spec.parentRefs.1: sectionName must be specified when parentRefs includes 2 or more references to the same parent"] },
    { name: "sectionName unique for a repeated parent", kind: "TCPRoute", obj: route([], { parentRefs: [{ name: "gw", sectionName: "a" }, { name: "gw", sectionName: "a" }] }), expect: ["spec.parentRefs.0: sectionName or port must be unique when parentRefs includes 2 or more references to the same parent", "spec.parentRefs.1: sectionName or port must be unique when parentRefs includes 2 or more references to the same parent"] },
    { name: "TLS listener without tls", kind: "Gateway", obj: gw([{ name: "a", port: 443, protocol: "TLS", hostname: "a.example" }]), expect: ["spec.listeners.0.protocol: tls mode must be set for protocol TLS"] },
    { name: "Service backendRef needs a port", kind: "HTTPRoute", obj: route([{ backendRefs: [{ name: "s" }] }]), expect: ["spec.rules.0.backendRefs.0: Must have port for Service reference"] },
    { name: "redirect with backendRefs", kind: "HTTPRoute", obj: route([{ filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https" } }], backendRefs: [svc()] }]), expect: ["spec.rules.0.filters: RequestRedirect filter must not be used together with backendRefs"] },
    { name: "filter repeated", kind: "HTTPRoute", obj: route([{ filters: [{ type: "URLRewrite", urlRewrite: {} }, { type: "URLRewrite", urlRewrite: {} }] }]), expect: ["spec.rules.0.filters: URLRewrite filter cannot be repeated"] },
    { name: "redirect and rewrite together", kind: "HTTPRoute", obj: route([{ filters: [{ type: "RequestRedirect", requestRedirect: {} }, { type: "URLRewrite", urlRewrite: {} }] }]), expect: ["spec.rules.0.filters: May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both"] },
    { name: "filter field without its type", kind: "HTTPRoute", obj: route([{ filters: [{ type: "RequestHeaderModifier", requestHeaderModifier: {}, urlRewrite: {} }] }]), expect: ["spec.rules.0.filters.0.urlRewrite: filter.urlRewrite must be nil if the filter.type is not URLRewrite"] },
    { name: "filter type without its field", kind: "GRPCRoute", obj: route([{ filters: [{ type: "RequestMirror" }] }]), expect: ["spec.rules.0.filters.0.type: filter.requestMirror must be specified for RequestMirror filter.type"] },
    { name: "mirror percent and fraction", kind: "HTTPRoute", obj: route([{ filters: [{ type: "RequestMirror", requestMirror: { backendRef: svc(), percent: 5, fraction: { numerator: 200 } } }] }]), expect: ["spec.rules.0.filters.0.requestMirror: Only one of percent or fraction may be specified in HTTPRequestMirrorFilter", "spec.rules.0.filters.0.requestMirror.fraction: numerator must be less than or equal to denominator"] },
    { name: "replacePrefixMatch needs one PathPrefix match", kind: "HTTPRoute", obj: route([{ matches: [{ path: { type: "Exact", value: "/a" } }], filters: [{ type: "URLRewrite", urlRewrite: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/b" } } }] }]), expect: ["spec.rules.0.matches: When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified"] },
    { name: "path modifier type and field", kind: "HTTPRoute", obj: route([{ filters: [{ type: "URLRewrite", urlRewrite: { path: { type: "ReplaceFullPath", replacePrefixMatch: "/x" } } }] }]), expect: ["spec.rules.0.filters.0.urlRewrite.path: replaceFullPath must be specified when type is set to 'ReplaceFullPath'", "spec.rules.0.filters.0.urlRewrite.path.replacePrefixMatch: type must be 'ReplacePrefixMatch' when replacePrefixMatch is set"] },
    { name: "path value absolute", kind: "HTTPRoute", obj: route([{ matches: [{ path: { type: "PathPrefix", value: "api" } }] }]), expect: ["spec.rules.0.matches.0.path.value: value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']"] },
    { name: "path value without dot segments", kind: "HTTPRoute", obj: route([{ matches: [{ path: { type: "Exact", value: "/a/../b" } }] }]), expect: ["spec.rules.0.matches.0.path.value: must not contain '/../' when type one of ['Exact', 'PathPrefix']"] },
    { name: "CORS wildcard alone", kind: "HTTPRoute", obj: route([{ filters: [{ type: "CORS", cors: { allowOrigins: ["*", "https://a.example"] } }] }]), expect: ["spec.rules.0.filters.0.cors.allowOrigins: AllowOrigins cannot contain '*' alongside other origins"] },
    { name: "backendRequest timeout longer than request", kind: "HTTPRoute", obj: route([{ timeouts: { request: "1s", backendRequest: "2s" } }]), expect: ["spec.rules.0.timeouts.backendRequest: backendRequest timeout cannot be longer than request timeout"] },
    { name: "gRPC method match needs service or method", kind: "GRPCRoute", obj: route([{ matches: [{ method: { type: "Exact" } }] }]), expect: ["spec.rules.0.matches.0.method: One or both of 'service' or 'method' must be specified"] },
    { name: "gRPC method characters", kind: "GRPCRoute", obj: route([{ matches: [{ method: { service: "pkg.Svc", method: "Get-It" } }] }]), expect: ["spec.rules.0.matches.0.method.method: method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)"] },
    { name: "TLSRoute hostname is not an IP", kind: "TLSRoute", obj: route([], { hostnames: ["10.0.0.1"] }), expect: ["spec.hostnames.0: Hostnames cannot contain an IP"] },
    { name: "TLSRoute wildcard first", kind: "TLSRoute", obj: route([], { hostnames: ["a.*.example.com"] }), expect: ["spec.hostnames.0: Wildcards on hostnames must be the first label, and the rest of hostname must be valid based on RFC-1123"] },
  ])("$name", ({ kind, obj, expect: want }) => {
    expect(crdRuleErrors(G, kind, obj).map((e) => `${e.path.join(".")}: ${e.message}`)).toEqual(want);
  });

  it.each([
    { name: "a valid Gateway", kind: "Gateway", obj: gw([{ name: "http", port: 80, protocol: "HTTP" }, { name: "https", port: 443, protocol: "HTTPS", hostname: "*.example.com", tls }, { name: "tls", port: 443, protocol: "TLS", hostname: "db.example.com", tls: { mode: "Passthrough" } }, { name: "tcp", port: 5432, protocol: "TCP" }]) },
    { name: "a valid HTTPRoute", kind: "HTTPRoute", obj: route([{ matches: [{ path: { type: "PathPrefix", value: "/api" } }], filters: [{ type: "URLRewrite", urlRewrite: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/" } } }], backendRefs: [svc()] }], { parentRefs: [{ name: "gw", sectionName: "a" }, { name: "gw", sectionName: "b" }] }) },
    { name: "a valid GRPCRoute", kind: "GRPCRoute", obj: route([{ matches: [{ method: { service: "pkg.v1.Svc" } }, { method: { type: "RegularExpression", method: "Get.*" } }], backendRefs: [svc()] }]) },
    { name: "a TLS listener whose mode defaults to Terminate", kind: "Gateway", obj: gw([{ name: "a", port: 443, protocol: "TLS", tls: { certificateRefs: [{ name: "c" }] } }]) },
    { name: "mesh parentRefs told apart by port", kind: "HTTPRoute", obj: route([], { parentRefs: [{ group: "", kind: "Service", name: "echo", port: 80 }, { group: "", kind: "Service", name: "echo", port: 8080 }] }) },
    { name: "another API group is not checked", kind: "Gateway", obj: gw([{ name: "a" }, { name: "a" }]), group: "example.com" },
  ])("passes $name", ({ kind, obj, group }) => {
    expect(crdRuleErrors(group ?? G, kind, obj)).toEqual([]);
  });

  it("never throws on odd input", () => {
    for (const kind of ["Gateway", "ListenerSet", "HTTPRoute", "GRPCRoute", "TLSRoute"]) {
      for (const obj of [null, 1, "x", [], { spec: null }, { spec: { listeners: [null, 1, "a"], rules: [null, { filters: [null], matches: [null, { path: null }] }], parentRefs: [null] } }]) {
        expect(() => crdRuleErrors(G, kind, obj)).not.toThrow();
      }
    }
  });
});
