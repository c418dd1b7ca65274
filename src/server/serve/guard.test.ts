/** Host, Origin, Sec-Fetch-Site and token checks, as tables. */
import { describe, expect, it } from "vitest";
import { authorized, fetchSiteAllowed, hostAllowed, originAllowed } from "./guard";
import { newToken, tokenMatches } from "./token";

const CFG = { host: "127.0.0.1", port: 7447 };

describe("hostAllowed (DNS rebinding)", () => {
  it.each([
    ["127.0.0.1:7447", true],
    ["localhost:7447", true],
    ["LOCALHOST:7447", true],
    ["[::1]:7447", true],
    ["10.1.2.3:7447", true], // an IP literal cannot be rebound
    ["127.0.0.1:7448", false],
    ["127.0.0.1", false],
    ["evil.example.com:7447", false],
    ["localhost.evil.example.com:7447", false],
    ["127.0.0.1.nip.io:7447", false],
    ["", false],
    [undefined, false],
    ["127.0.0.1:7447:7447", false],
    ["user@127.0.0.1:7447", false],
  ])("%s → %s", (host, ok) => expect(hostAllowed(host, CFG)).toBe(ok));

  it("accepts the exact --host name", () => {
    expect(hostAllowed("devbox.lan:7447", { host: "devbox.lan", port: 7447 })).toBe(true);
    expect(hostAllowed("other.lan:7447", { host: "devbox.lan", port: 7447 })).toBe(false);
  });
});

describe("originAllowed", () => {
  it.each([
    [undefined, true],
    ["http://127.0.0.1:7447", true],
    ["http://localhost:7447", true],
    ["https://127.0.0.1:7447", false],
    ["http://127.0.0.1:7447/", false],
    ["http://evil.example.com", false],
    ["http://evil.example.com:7447", false],
    ["null", false],
    ["", false],
    ["http://127.0.0.1:80", false],
  ])("%s → %s", (origin, ok) => expect(originAllowed(origin, CFG)).toBe(ok));
});

describe("fetchSiteAllowed", () => {
  it.each([
    [undefined, true],
    ["same-origin", true],
    ["none", true],
    ["same-site", false],
    ["cross-site", false],
  ])("%s → %s", (site, ok) => expect(fetchSiteAllowed(site)).toBe(ok));
});

describe("token", () => {
  const token = newToken();
  it("is 32 random bytes in base64url, new each launch", () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
  });
  it.each([
    [`Bearer ${token}`, "", false, true],
    [`Bearer ${token}x`, "", false, false],
    [`Bearer ${token.slice(0, -1)}`, "", false, false],
    [`bearer ${token}`, "", false, false],
    [token, "", false, false],
    [undefined, `token=${token}`, true, true],
    [undefined, `token=${token}`, false, false],
    [undefined, "", true, false],
    ["Bearer ", "", false, false],
  ])("authorization %s, query %s (query allowed: %s) → %s", (auth, query, allowQuery, ok) => {
    expect(authorized(auth, new URLSearchParams(query), allowQuery, token)).toBe(ok);
  });
  it("compares in constant time, whatever the lengths", () => {
    expect(tokenMatches("", token)).toBe(false);
    expect(tokenMatches("x".repeat(5000), token)).toBe(false);
    expect(tokenMatches(token, token)).toBe(true);
  });
});
