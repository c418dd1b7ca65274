/**
 * Kubeconfigs: refused clearly when they name no usable cluster; tokens, CA data and exec credential
 * plugins work against the fake API server over HTTPS with a bearer token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FakeApiServer } from "../testing/fake-apiserver";
import { FAST_LIMITS, TEST_CERT, TEST_KEY, tempDir, writeKubeconfig } from "../testing/cluster-fixtures";
import { KubeconfigError, loadKubeconfig } from "./kubeconfig";
import { createReadOnlyClient } from "./transport";
import { PROBLEM_MESSAGES, type UpstreamError } from "./errors";

let tmp: ReturnType<typeof tempDir>;
let fake: FakeApiServer;
beforeAll(async () => {
  tmp = tempDir();
  fake = new FakeApiServer({ tls: { key: TEST_KEY, cert: TEST_CERT }, token: "exec-issued-token" });
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
  tmp.cleanup();
});

const file = (name: string, text: string) => {
  const p = join(tmp.dir, name);
  writeFileSync(p, text);
  return p;
};

describe("loadKubeconfig refuses configurations without a usable cluster", () => {
  const cfg = (body: string) => `apiVersion: v1\nkind: Config\n${body}`;
  const rows: { name: string; text?: string; context?: string; error: RegExp }[] = [
    { name: "a missing file", error: /cannot read kubeconfig .*: no such file/ },
    { name: "an empty file", text: "", error: /could not be loaded/ },
    { name: "no contexts at all (client-node would fall back to localhost:8080)", text: cfg(""), error: /sets no current-context; pass --context NAME \(it defines no contexts\)/ },
    {
      name: "no current-context",
      text: cfg("clusters: [{name: c, cluster: {server: 'https://k.example.com'}}]\ncontexts: [{name: a, context: {cluster: c}}, {name: b, context: {cluster: c}}]\n"),
      error: /sets no current-context; pass --context NAME \(contexts: a, b\)/,
    },
    { name: "an unknown --context", text: cfg("current-context: a\ncontexts: [{name: a, context: {cluster: c}}]\n"), context: "nope", error: /has no context "nope" \(contexts: a\)/ },
    { name: "a context naming an undefined cluster", text: cfg("current-context: a\ncontexts: [{name: a, context: {cluster: missing}}]\n"), error: /names cluster "missing", which the file does not define/ },
    { name: "a cluster without a server", text: cfg("current-context: a\nclusters: [{name: c, cluster: {}}]\ncontexts: [{name: a, context: {cluster: c}}]\n"), error: /could not be loaded: clusters\[0\]\.cluster\.server is missing/ },
    { name: "plain http without insecure-skip-tls-verify", text: cfg("current-context: a\nclusters: [{name: c, cluster: {server: 'http://127.0.0.1:8080'}}]\ncontexts: [{name: a, context: {cluster: c}}]\n"), error: /uses plain http:\/\/; set insecure-skip-tls-verify: true/ },
    { name: "a server that is not a URL", text: cfg("current-context: a\nclusters: [{name: c, cluster: {server: 'not a url'}}]\ncontexts: [{name: a, context: {cluster: c}}]\n"), error: /no valid server URL/ },
    { name: "a non-http server", text: cfg("current-context: a\nclusters: [{name: c, cluster: {server: 'unix:///run/k.sock'}}]\ncontexts: [{name: a, context: {cluster: c}}]\n"), error: /must be an http\(s\) URL/ },
  ];
  it.each(rows)("$name", async (r) => {
    const path = r.text === undefined ? join(tmp.dir, "missing.yaml") : file(`k-${rows.indexOf(r)}.yaml`, r.text);
    const err = await loadKubeconfig(path, r.context).catch((e: Error) => e);
    expect(err).toBeInstanceOf(KubeconfigError);
    expect((err as Error).message).toMatch(r.error);
  });

  it("does not quote the file in a YAML error (it may hold credentials)", async () => {
    const path = file("bad.yaml", "users:\n- name: u\n  user: {token: VERY-SECRET-TOKEN\n  bad: [\n");
    const err = (await loadKubeconfig(path).catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(KubeconfigError);
    expect(err.message).not.toContain("VERY-SECRET-TOKEN");
    expect(err.message.split("\n")).toHaveLength(1);
  });
});

describe("credentials from a kubeconfig (HTTPS, bearer token)", () => {
  it("uses a static token and inline CA data", async () => {
    const path = writeKubeconfig(join(tmp.dir, "token.yaml"), { server: fake.url, token: "exec-issued-token", ca: TEST_CERT });
    const target = await loadKubeconfig(path);
    expect(target.describe).toBe(`context "test", cluster ${fake.url}`);
    const client = createReadOnlyClient(target, FAST_LIMITS);
    expect(await client.getJson("/apis")).toMatchObject({ kind: "APIGroupList" });
  });

  it("selects --context over the current-context", async () => {
    const path = writeKubeconfig(join(tmp.dir, "ctx.yaml"), { server: fake.url, token: "exec-issued-token", ca: TEST_CERT, context: "other" });
    expect((await loadKubeconfig(path, "other")).context).toBe("other");
    await expect(loadKubeconfig(path, "test")).rejects.toThrow(/has no context "test"/);
  });

  it("runs an exec credential plugin, and reuses its token for a while", async () => {
    const count = join(tmp.dir, "exec-count.txt");
    writeFileSync(count, "");
    const script = file(
      "plugin.mjs",
      `import { appendFileSync } from "node:fs";
appendFileSync(${JSON.stringify(count)}, "x");
process.stdout.write(JSON.stringify({ apiVersion: "client.authentication.k8s.io/v1", kind: "ExecCredential", status: { token: "exec-issued-token" } }));`,
    );
    const path = writeKubeconfig(join(tmp.dir, "exec.yaml"), { server: fake.url, ca: TEST_CERT, exec: { command: process.execPath, args: [script] } });
    const client = createReadOnlyClient(await loadKubeconfig(path), FAST_LIMITS);
    for (let i = 0; i < 3; i++) expect(await client.getJson("/api/v1")).toMatchObject({ kind: "APIResourceList" });
    expect(fake.requests[fake.requests.length - 1].headers.authorization).toBe("Bearer exec-issued-token");
    expect(readFileSync(count, "utf8")).toBe("x");
  });

  it("reports a failing exec plugin as a credentials problem without its output", async () => {
    const script = file("failing.mjs", `process.stderr.write("plugin error: secret-detail"); process.exit(1);`);
    const path = writeKubeconfig(join(tmp.dir, "exec-fail.yaml"), { server: fake.url, ca: TEST_CERT, exec: { command: process.execPath, args: [script] } });
    const client = createReadOnlyClient(await loadKubeconfig(path), FAST_LIMITS);
    const err = (await client.getJson("/api/v1").catch((e) => e)) as UpstreamError;
    expect(err).toMatchObject({ problem: "credentials", message: PROBLEM_MESSAGES.credentials });
    expect(err.message).not.toContain("secret-detail");
    expect(err.detail).toContain("secret-detail"); // for the operator's terminal
  });
});
