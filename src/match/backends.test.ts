import { describe, expect, it } from "vitest";
import { splitTraffic } from "./backends";
import type { BackendView } from "../model/model";

const b = (name: string, weight: number, valid = true): BackendView => ({
  group: "", kind: "Service", namespace: "ns", name, port: 8080, weight, valid, reason: valid ? undefined : "BackendNotFound", filters: [], path: [],
});

describe("traffic split (HTTPBackendRef.weight, invalid backends get 500)", () => {
  const rows: { name: string; views: BackendView[]; probs: number[]; receivers: number; validShare: number; failure: string | null }[] = [
    { name: "one backend", views: [b("a", 1)], probs: [1], receivers: 1, validShare: 1, failure: null },
    { name: "70/30/0", views: [b("v1", 70), b("v2", 30), b("v3", 0)], probs: [0.7, 0.3, 0], receivers: 2, validShare: 1, failure: null },
    { name: "weight 0 gets nothing, the other everything", views: [b("a", 0), b("b", 5)], probs: [0, 1], receivers: 1, validShare: 1, failure: null },
    { name: "all weights 0", views: [b("a", 0), b("b", 0)], probs: [0, 0], receivers: 0, validShare: 0, failure: "weight 0" },
    { name: "no backendRefs", views: [], probs: [], receivers: 0, validShare: 0, failure: "no backendRefs" },
    { name: "invalid keeps its share", views: [b("a", 1), b("bad", 1, false)], probs: [0.5, 0.5], receivers: 2, validShare: 0.5, failure: null },
    { name: "only backend invalid", views: [b("bad", 1, false)], probs: [1], receivers: 1, validShare: 0, failure: "invalid" },
    { name: "negative weight counts as 0", views: [b("a", -3), b("b", 1)], probs: [0, 1], receivers: 1, validShare: 1, failure: null },
  ];
  it.each(rows)("$name", ({ views, probs, receivers, validShare, failure }) => {
    const s = splitTraffic(views);
    expect(s.backends.map((x) => x.probability)).toEqual(probs);
    expect(s.receivers.length).toBe(receivers);
    expect(s.validShare).toBeCloseTo(validShare);
    if (failure === null) expect(s.failure).toBeNull();
    else expect(s.failure).toContain(failure);
    for (let i = 0; i < views.length; i++) expect(s.backends[i].invalid !== undefined).toBe(!views[i].valid);
  });
});
