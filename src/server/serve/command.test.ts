/** `switchyard serve` as a command: options, clear failures (exit 2), the URL as the first line, shutdown. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../cli";
import { parseArgs } from "../args";
import type { Io } from "../io";
import { FakeApiServer } from "../testing/fake-apiserver";
import { sample, tempDir, waitFor, writeKubeconfig } from "../testing/cluster-fixtures";
import { rawRequest } from "../testing/http-client";
import { SERVE_SPEC, runServe, serveConfig } from "./command";

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t), stdin: () => "" };
  return io;
}

let tmp: ReturnType<typeof tempDir>;
let app: string;
let fake: FakeApiServer;
beforeAll(async () => {
  tmp = tempDir();
  app = join(tmp.dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "index.html"), "<!doctype html>");
  fake = new FakeApiServer();
  fake.store.apply(sample.route("r1"));
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
  tmp.cleanup();
});

describe("switchyard serve options", () => {
  it("listens on 127.0.0.1:7447 by default, without a cluster", () => {
    expect(serveConfig(parseArgs([], SERVE_SPEC))).toEqual({ host: "127.0.0.1", port: 7447, kubeconfig: undefined, context: undefined, appDir: undefined });
    expect(serveConfig(parseArgs(["--port=0", "--host", "::1"], SERVE_SPEC))).toMatchObject({ host: "::1", port: 0 });
  });
});

describe("switchyard serve: failures are clear and exit 2", () => {
  it.each([
    [["--port", "abc"], /--port must be a number/],
    [["--port", "70000"], /--port must be a number/],
    [["--host", "a b"], /--host must be/],
    [["--context", "x"], /--context needs --kubeconfig/],
    [["--bogus"], /unknown option --bogus/],
    [["extra"], /unexpected argument/],
  ])("%j", async (args, message) => {
    const io = capture();
    expect(await main(["serve", ...args], io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(io.stdout).toBe("");
  });

  it("a kubeconfig that cannot be read", async () => {
    const io = capture();
    expect(await main(["serve", "--kubeconfig", join(tmp.dir, "nope.yaml"), "--app-dir", app, "--port", "0"], io)).toBe(2);
    expect(io.stderr).toMatch(/^switchyard serve: cannot read kubeconfig .*nope\.yaml: no such file\n$/);
  });

  it("an app directory without index.html", async () => {
    const io = capture();
    expect(await main(["serve", "--app-dir", tmp.dir, "--port", "0"], io)).toBe(2);
    expect(io.stderr).toMatch(/no index\.html in/);
  });

  it("a port in use", async () => {
    const busy = http.createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", () => r()));
    const port = (busy.address() as AddressInfo).port;
    const io = capture();
    expect(await main(["serve", "--app-dir", app, "--port", String(port)], io)).toBe(2);
    expect(io.stderr).toMatch(new RegExp(`port ${port} is in use`));
    await new Promise((r) => busy.close(r));
  });
});

describe("switchyard serve with a kubeconfig", () => {
  it("prints the URL with the token first, serves the cluster, and stops cleanly", async () => {
    const kubeconfig = writeKubeconfig(join(tmp.dir, "kc.yaml"), { server: fake.url });
    const io = capture();
    let stop = () => {};
    const until = new Promise<void>((r) => (stop = r));
    const done = runServe(parseArgs(["--kubeconfig", kubeconfig, "--port", "0", "--app-dir", app], SERVE_SPEC), io, until);
    await waitFor(() => io.stdout.includes("\n"), 5000, "the URL");
    const first = io.stdout.split("\n")[0];
    const m = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/.exec(first);
    expect(m, first).not.toBeNull();
    const [, port, token] = m!;
    expect(io.stderr).toContain(`read-only view of context "test", cluster ${fake.url}`);
    const headers = { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}` };
    let body = "";
    for (const end = Date.now() + 5000; Date.now() < end && !(body.includes('"connection":{"state":"synced"}') && body.includes('"name":"r1"')); ) {
      body = (await rawRequest(Number(port), "GET", "/api/cluster/snapshot", headers)).body;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(JSON.parse(body).connection.state, io.stderr + body).toBe("synced");
    // The context's name reaches the app ("which context is in use"); the server address does not.
    expect(JSON.parse(body).context).toBe("test");
    expect(body).not.toContain(fake.url);
    stop();
    expect(await done).toBe(0);
    await expect(rawRequest(Number(port), "GET", "/", headers)).rejects.toThrow();
  });
});
