/** What an object may carry to the browser. */
import { describe, expect, it } from "vitest";
import { LAST_APPLIED, sanitizeObject } from "./sanitize";
import { OMITTED_ANNOTATION } from "./types";
import { SECRET_MARKER, sample } from "../testing/cluster-fixtures";

const ROUTE = { group: "gateway.networking.k8s.io", version: "v1", kind: "HTTPRoute" };
const SECRET = { group: "", version: "v1", kind: "Secret" };

describe("sanitizeObject", () => {
  it("strips managedFields and the last-applied annotation, keeps other annotations, leaves the input alone", () => {
    const raw = sample.route("r1");
    const copy = structuredClone(raw);
    const o = sanitizeObject(raw, ROUTE, 1e6)!;
    expect(o.metadata.managedFields).toBeUndefined();
    expect(o.metadata.annotations).toEqual({ keep: "yes" });
    expect(o.spec).toEqual(raw.spec);
    expect(raw).toEqual(copy);
  });

  it("drops an annotations map left empty", () => {
    const o = sanitizeObject({ metadata: { name: "x", annotations: { [LAST_APPLIED]: "{}" } } }, ROUTE, 1e6)!;
    expect(o.metadata).toEqual({ name: "x" });
  });

  it("sets apiVersion and kind from the listed type (list items of built-in kinds lack them)", () => {
    expect(sanitizeObject({ metadata: { name: "web", namespace: "a" }, spec: {} }, { group: "", version: "v1", kind: "Service" }, 1e6)).toMatchObject({ apiVersion: "v1", kind: "Service" });
    expect(sanitizeObject({ apiVersion: "x/v9", kind: "Other", metadata: { name: "r" } }, ROUTE, 1e6)).toMatchObject({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute" });
  });

  it.each([
    ["a full Secret", sample.secret()],
    ["PartialObjectMetadata", { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: sample.secret().metadata }],
  ])("keeps only a Secret's identity and labels (%s)", (_n, raw) => {
    const withLabels = { ...raw, metadata: { ...raw.metadata, labels: { app: "x" }, uid: "u1", resourceVersion: "7", managedFields: [{ fieldsV1: SECRET_MARKER }] } };
    const o = sanitizeObject(withLabels, SECRET, 1e6)!;
    expect(o).toEqual({ apiVersion: "v1", kind: "Secret", metadata: { name: "tls-cert", namespace: "infra", uid: "u1", resourceVersion: "7", labels: { app: "x" } } });
    expect(JSON.stringify(o)).not.toContain(SECRET_MARKER);
  });

  it("sends an object over the size limit as identity only, marked", () => {
    const big = sample.route("big", "apps", { hostnames: Array.from({ length: 200 }, (_, i) => `h${i}.example.com`) });
    const o = sanitizeObject({ ...big, metadata: { ...big.metadata, resourceVersion: "5" } }, ROUTE, 1000)!;
    expect(o.spec).toBeUndefined();
    expect(o.metadata).toEqual({ name: "big", namespace: "apps", resourceVersion: "5", annotations: { [OMITTED_ANNOTATION]: "object over the size limit" } });
  });

  it.each([[null], ["text"], [[]], [{}], [{ metadata: {} }], [{ metadata: { name: 3 } }]])("refuses %j", (raw) => {
    expect(sanitizeObject(raw, ROUTE, 1e6)).toBeNull();
  });

  it("keeps a ConfigMap's ca.crt and identity only (other keys, binaryData and annotations stay out)", () => {
    const CM = { group: "", version: "v1", kind: "ConfigMap" };
    const raw = { metadata: { name: "ca", namespace: "apps", uid: "u", labels: { a: "b" }, annotations: { copy: SECRET_MARKER }, managedFields: [{}] }, data: { "ca.crt": "-----BEGIN CERTIFICATE-----", password: SECRET_MARKER }, binaryData: { k: SECRET_MARKER } };
    const o = sanitizeObject(raw, CM, 1e6)!;
    expect(o).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ca", namespace: "apps", uid: "u", labels: { a: "b" } }, data: { "ca.crt": "-----BEGIN CERTIFICATE-----" } });
    expect(JSON.stringify(o)).not.toContain(SECRET_MARKER);
    expect(sanitizeObject({ metadata: { name: "empty" }, data: { other: "x" } }, CM, 1e6)).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "empty" } });
    expect(sanitizeObject(raw, CM, 50)!.metadata.annotations).toEqual({ [OMITTED_ANNOTATION]: "object over the size limit" });
  });
});
