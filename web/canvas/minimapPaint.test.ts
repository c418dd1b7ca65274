/** The minimap paints again only when what it paints changed (Minimap's samePaint). */
import { describe, expect, it } from "vitest";
import { samePaint } from "./Minimap";
import type { FlowNode } from "./flowTypes";

const route = (over: { x?: number; width?: number; level?: string; port?: boolean; hosts?: string[] } = {}) =>
  ({ id: "r", type: "route", position: { x: over.x ?? 0, y: 0 }, width: over.width ?? 100, height: 40, data: { port: over.port ?? false, g: { status: { level: over.level ?? "ok" }, data: { hostnames: over.hosts ?? ["a"] } } } }) as unknown as FlowNode;
const box = (width = 300) => ({ id: "g", type: "nsgroup", position: { x: 0, y: 0 }, width, height: 200, data: {} }) as unknown as FlowNode;

describe("samePaint", () => {
  it.each([
    ["the same list", () => { const l = [box(), route()]; return [l, l]; }, true],
    ["what a node says changed", () => [[box(), route()], [box(), route({ hosts: ["b"] })]], true],
    ["a node moved", () => [[box(), route()], [box(), route({ x: 5 })]], false],
    ["a node resized", () => [[box(), route()], [box(), route({ width: 120 })]], false],
    ["a box resized", () => [[box(), route()], [box(310), route()]], false],
    ["a node's health changed", () => [[box(), route()], [box(), route({ level: "error" })]], false],
    ["a node more", () => [[box()], [box(), route()]], false],
  ])("%s", (_, lists, want) => {
    const [a, b] = lists() as [FlowNode[], FlowNode[]];
    expect(samePaint(a, b)).toBe(want);
  });
});
