/** DNS-1123 names and API versions: what may become part of a path toward the cluster. */
import { describe, expect, it } from "vitest";
import { isApiVersionName, isDns1123Label, isDns1123Subdomain } from "./names";

describe("DNS-1123", () => {
  const rows: { name: unknown; label: boolean; subdomain: boolean }[] = [
    { name: "default", label: true, subdomain: true },
    { name: "a", label: true, subdomain: true },
    { name: "my-ns-1", label: true, subdomain: true },
    { name: "tls.example.com", label: false, subdomain: true },
    { name: "", label: false, subdomain: false },
    { name: "-a", label: false, subdomain: false },
    { name: "a-", label: false, subdomain: false },
    { name: "A", label: false, subdomain: false },
    { name: "a_b", label: false, subdomain: false },
    { name: "..", label: false, subdomain: false },
    { name: "a/b", label: false, subdomain: false },
    { name: "a%2fb", label: false, subdomain: false },
    { name: "a?watch=1", label: false, subdomain: false },
    { name: "a..b", label: false, subdomain: false },
    { name: "x".repeat(63), label: true, subdomain: true },
    { name: "x".repeat(64), label: false, subdomain: true },
    { name: ("x".repeat(63) + ".").repeat(4).slice(0, 253), label: false, subdomain: true },
    { name: "x".repeat(254), label: false, subdomain: false },
    { name: 42, label: false, subdomain: false },
  ];
  it.each(rows)("$name", ({ name, label, subdomain }) => {
    expect(isDns1123Label(name)).toBe(label);
    expect(isDns1123Subdomain(name)).toBe(subdomain);
  });
});

describe("API versions", () => {
  it.each([
    ["v1", true],
    ["v1beta1", true],
    ["v1alpha2", true],
    ["v2", true],
    ["v0", false],
    ["v1gamma1", false],
    ["1", false],
    ["v1/..", false],
  ])("%s → %s", (v, ok) => expect(isApiVersionName(v)).toBe(ok));
});
