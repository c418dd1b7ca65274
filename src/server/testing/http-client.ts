/** Raw HTTP requests for the serve tests (any method, any Host/Origin), and an SSE reader. */
import http from "node:http";
import type { Socket } from "node:net";
import type { ClusterEvent } from "../cluster/types";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with exactly these headers (Host included, when given). */
export function rawRequest(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8") }));
      res.on("error", reject);
    });
    // A CONNECT answer arrives as a 'connect' event, not a response.
    req.on("connect", (res: http.IncomingMessage, socket: Socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: "" });
    });
    req.on("error", reject);
    req.end(["GET", "HEAD", "CONNECT"].includes(method) ? undefined : "{}");
  });
}

export interface EventStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: ClusterEvent[];
  /** Every byte received, to check that nothing secret went out. */
  raw(): string;
  waitFor(pred: (events: ClusterEvent[]) => boolean, ms?: number): Promise<void>;
  close(): void;
  closed: Promise<void>;
}

/** Open an event stream and parse its `event:`/`data:` frames as they come. */
export function openEvents(port: number, path: string, headers: Record<string, string> = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
      let buf = "";
      let all = "";
      const events: ClusterEvent[] = [];
      let waiters: (() => void)[] = [];
      res.setEncoding("utf8");
      const closed = new Promise<void>((r) => res.on("close", () => r()));
      res.on("data", (chunk: string) => {
        all += chunk;
        buf += chunk;
        for (let i = buf.indexOf("\n\n"); i !== -1; i = buf.indexOf("\n\n")) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = frame.split("\n").find((l) => l.startsWith("data: "));
          if (data) events.push(JSON.parse(data.slice(6)) as ClusterEvent);
        }
        const w = waiters;
        waiters = [];
        w.forEach((f) => f());
      });
      res.on("error", () => {});
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        raw: () => all,
        closed,
        close: () => req.destroy(),
        waitFor: (pred, ms = 3000) =>
          new Promise<void>((ok, fail) => {
            const t = setTimeout(() => fail(new Error(`timed out; events: ${events.map((e) => e.type).join(",")}`)), ms);
            const check = () => {
              if (pred(events)) {
                clearTimeout(t);
                ok();
              } else waiters.push(check);
            };
            check();
          }),
      });
    });
    req.on("error", reject);
  });
}
