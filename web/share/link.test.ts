/** Share links round-trip the whole state; broken links decode to null, never to a partial state. */
import { describe, expect, it, beforeEach } from "vitest";
import { useStore } from "../store";
import { GALLERY } from "../gallery";
import { applySharedState, asSharedState, captureState, decodeShareFragment, encodeShareState, type SharedState } from "./link";
import { fromBase64Url, pack, toBase64Url, unpack } from "./codec";

const base: SharedState = {
  v: 1,
  yaml: GALLERY[1].yaml,
  fileName: "canary-weight.yaml",
  request: { gateway: "shop/web", request: { protocol: "HTTP", host: "shop.example.com", path: "/checkout", method: "POST", headers: { "x-user": "ünïcødé ✓" }, query: { a: ["1", "2"] } } },
  samples: GALLERY[1].samples.map((s) => ({ label: s.label, request: s.request })),
  view: { theme: "dark", collapsed: ["kube-system"], selected: "HTTPRoute/shop/checkout", panel: "simulator" },
};

describe("codec", () => {
  it.each([
    ["empty", ""],
    ["ascii", "apiVersion: v1\nkind: Service\n"],
    ["unicode", "# 日本語のコメント ✓ émoji 🚀\n"],
    ["large", "x: 1\n".repeat(50_000)],
  ])("round-trips %s text", async (_name, text) => {
    const packed = await pack(text);
    expect(packed).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(await unpack(packed)).toBe(text);
  });

  it("compresses repetitive YAML", async () => {
    const text = GALLERY.map((e) => e.yaml).join("\n---\n");
    expect((await pack(text)).length).toBeLessThan(text.length / 3);
  });

  it.each([
    ["not base64url", "ab+/"],
    ["impossible length", "abcde"],
    ["not deflate", toBase64Url(new TextEncoder().encode("plain text, not compressed"))],
  ])("rejects %s", async (_name, packed) => {
    expect(await unpack(packed)).toBeNull();
  });

  it("base64url is byte-exact for every byte value", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64Url(toBase64Url(all))).toEqual(all);
  });
});

describe("share fragment", () => {
  it("round-trips the whole state", async () => {
    const hash = await encodeShareState(base);
    expect(hash.startsWith("#s=")).toBe(true);
    expect(await decodeShareFragment(hash)).toEqual(base);
    expect(await decodeShareFragment(hash.slice(1))).toEqual(base);
  });

  it.each([
    ["no prefix", "#x=abc"],
    ["empty", ""],
    ["truncated", "#s=q1YqS"],
  ])("decodes %s to null", async (_name, hash) => {
    expect(await decodeShareFragment(hash)).toBeNull();
  });

  it("decodes a link cut in half to null", async () => {
    const hash = await encodeShareState(base);
    expect(await decodeShareFragment(hash.slice(0, Math.floor(hash.length / 2)))).toBeNull();
  });

  it("rejects JSON of another shape", async () => {
    expect(await decodeShareFragment(`#s=${await pack(JSON.stringify({ v: 2, yaml: "a" }))}`)).toBeNull();
    expect(await decodeShareFragment(`#s=${await pack("[1,2]")}`)).toBeNull();
    expect(await decodeShareFragment(`#s=${await pack("{not json")}`)).toBeNull();
  });

  it("fills defaults for missing optional parts and drops malformed samples", () => {
    const s = asSharedState({ v: 1, yaml: "a: 1", samples: [{ label: "ok", request: { request: {} } }, { label: 3 }, "x"], view: { theme: "purple", collapsed: ["a", 1], panel: "nope" } });
    expect(s).toMatchObject({ fileName: "shared.yaml", samples: [{ label: "ok" }], view: { theme: "light", collapsed: ["a"], selected: null, panel: undefined } });
  });
});

describe("applying a shared state", () => {
  beforeEach(() => {
    useStore.getState().setText("kind: Nothing\n", "editor", "other.yaml");
    useStore.setState({ samples: [], selected: null, collapsed: [], theme: "light", panel: "inspector" });
  });

  it("reopens exactly what was captured", async () => {
    const decoded = await decodeShareFragment(await encodeShareState(base));
    applySharedState(decoded!);
    const st = useStore.getState();
    expect(st.text).toBe(base.yaml);
    expect(st.textOrigin).toBe("load");
    expect(st.fileName).toBe("canary-weight.yaml");
    expect(st.samples.map((s) => s.label)).toEqual(base.samples.map((s) => s.label));
    expect(new Set(st.samples.map((s) => s.id)).size).toBe(base.samples.length);
    expect(captureState()).toEqual(base);
  });
});
