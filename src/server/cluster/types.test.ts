/** The shared stream format: importable by the web app (no imports at all), and its key helpers. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { clusterKeyString, clusterObjectKey, groupOf } from "./types";

describe("cluster stream types", () => {
  it("import nothing (the web app imports this file)", () => {
    const text = readFileSync(join(import.meta.dirname, "types.ts"), "utf8");
    expect(text).not.toMatch(/^\s*(import|export [^\n]* from)\s/m);
  });

  it.each([
    ["v1", ""],
    ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io"],
  ])("groupOf(%s) = %j", (apiVersion, group) => expect(groupOf(apiVersion)).toBe(group));

  it("keys objects by group, kind, namespace and name", () => {
    const route = { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "r", namespace: "a" } };
    const ns = { apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } };
    expect(clusterObjectKey(route)).toEqual({ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "a", name: "r" });
    expect(clusterKeyString(clusterObjectKey(ns))).toBe("/Namespace//a");
  });
});
