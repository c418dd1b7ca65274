import { describe, expect, it } from "vitest";
import { parse } from "../parse";
import { GrantIndex, grantAllows } from "./reference-grant";

const grants = parse(`apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: specific, namespace: backends}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps}]
  to: [{group: "", kind: Service, name: svc-a}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: all-secrets, namespace: certs}
spec:
  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}, {group: gateway.networking.k8s.io, kind: Gateway, namespace: edge}]
  to: [{group: "", kind: Secret}]
`).resources;

const HTTPROUTE = { group: "gateway.networking.k8s.io", kind: "HTTPRoute" };
const GATEWAY = { group: "gateway.networking.k8s.io", kind: "Gateway" };

describe("ReferenceGrant: from and to entries are ORed; to.name empty = every name", () => {
  const index = new GrantIndex(grants);
  it.each([
    ["named Service, matching from", { ...HTTPROUTE, namespace: "apps" }, { group: "", kind: "Service", namespace: "backends", name: "svc-a" }, "specific"],
    ["other Service name", { ...HTTPROUTE, namespace: "apps" }, { group: "", kind: "Service", namespace: "backends", name: "svc-b" }, null],
    ["other referrer namespace", { ...HTTPROUTE, namespace: "other" }, { group: "", kind: "Service", namespace: "backends", name: "svc-a" }, null],
    ["other referrer kind", { ...GATEWAY, namespace: "apps" }, { group: "", kind: "Service", namespace: "backends", name: "svc-a" }, null],
    ["grant lives in another namespace", { ...HTTPROUTE, namespace: "apps" }, { group: "", kind: "Service", namespace: "certs", name: "svc-a" }, null],
    ["any Secret, first from", { ...GATEWAY, namespace: "infra" }, { group: "", kind: "Secret", namespace: "certs", name: "x" }, "all-secrets"],
    ["any Secret, second from", { ...GATEWAY, namespace: "edge" }, { group: "", kind: "Secret", namespace: "certs", name: "y" }, "all-secrets"],
    ["not a Secret", { ...GATEWAY, namespace: "infra" }, { group: "", kind: "ConfigMap", namespace: "certs", name: "x" }, null],
  ])("%s", (_label, from, to, want) => {
    expect(index.permits(from, to)?.name ?? null).toBe(want);
  });

  it("ignores malformed grants instead of failing", () => {
    const bad = { ...grants[0], spec: { from: "nope", to: [null] } };
    expect(grantAllows(bad, { ...HTTPROUTE, namespace: "apps" }, { group: "", kind: "Service", namespace: "backends", name: "svc-a" })).toBe(false);
  });
});
