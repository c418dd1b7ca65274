/** Kubernetes' version order decides which version of a kind is watched. */
import { describe, expect, it } from "vitest";
import { compareKubeVersions } from "./versions";

describe("compareKubeVersions", () => {
  it("orders GA, then beta, then alpha, higher numbers first, others last", () => {
    const input = ["v1alpha1", "foo", "v1beta1", "v2alpha1", "v1", "v1alpha2", "v2", "v1beta2", "bar"];
    expect([...input].sort(compareKubeVersions)).toEqual(["v2", "v1", "v1beta2", "v1beta1", "v2alpha1", "v1alpha2", "v1alpha1", "bar", "foo"]);
  });
});
