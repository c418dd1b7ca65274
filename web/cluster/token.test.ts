/** The launch token: taken from the fragment, removed from the address, kept for this tab only. */
import { describe, expect, it } from "vitest";
import { hashWithoutToken, takeClusterToken, tokenFromHash, TOKEN_STORAGE_KEY, forgetClusterToken } from "./token";

const TOKEN = "xrKRKN-b_hAiI7eEh-pSP3x0qsD9XtKyfEAqJmEyIjI";

function memoryStore() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

function page(hash: string) {
  const calls: string[] = [];
  return { loc: { hash, pathname: "/", search: "" }, hist: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void calls.push(String(url)) }, calls };
}

describe("tokenFromHash / hashWithoutToken", () => {
  it.each<[string, string | null, string]>([
    [`#token=${TOKEN}`, TOKEN, ""],
    [`#token=${TOKEN}&x=1`, TOKEN, "#x=1"],
    ["#token=short", null, ""],
    ["#token=has%20space-aaaaaaaaaaaaaaaa", null, ""],
    ["#s=abc", null, "#s=abc"],
    ["", null, ""],
  ])("%s", (hash, token, rest) => {
    expect(tokenFromHash(hash)).toBe(token);
    expect(hashWithoutToken(hash)).toBe(rest);
  });
});

describe("takeClusterToken", () => {
  it("takes the token, rewrites the address without it, and keeps it for a reload of this tab", () => {
    const p = page(`#token=${TOKEN}`);
    const store = memoryStore();
    expect(takeClusterToken(p.loc, p.hist, store)).toBe(TOKEN);
    expect(p.calls).toEqual(["/"]);
    expect(store.m.get(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    // The reload: no token in the URL, the kept one is used; the address is not touched.
    const again = page("");
    expect(takeClusterToken(again.loc, again.hist, store)).toBe(TOKEN);
    expect(again.calls).toEqual([]);
    forgetClusterToken(store);
    expect(takeClusterToken(again.loc, again.hist, store)).toBeNull();
  });

  it("removes a malformed token from the address too, and keeps nothing", () => {
    const p = page("#token=bad");
    const store = memoryStore();
    expect(takeClusterToken(p.loc, p.hist, store)).toBeNull();
    expect(p.calls).toEqual(["/"]);
    expect(store.m.size).toBe(0);
  });

  it("leaves other fragments (share links) alone", () => {
    const p = page("#s=abc");
    expect(takeClusterToken(p.loc, p.hist, memoryStore())).toBeNull();
    expect(p.calls).toEqual([]);
  });
});
