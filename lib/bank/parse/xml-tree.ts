// Parses XML leniently into plain objects (namespace prefixes removed, every element an array so
// one code path reads one or many). Malformed XML is refused with its line and column.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { RefusedFile } from "./types";

export type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  processEntities: true,
});

export function parseXml(text: string): Node {
  const check = XMLValidator.validate(text);
  if (check !== true)
    throw new RefusedFile(
      `line ${check.err.line}, column ${check.err.col}`,
      `not well-formed XML: ${check.err.msg}`,
    );
  return parser.parse(text) as Node;
}

/** The children named `name` (always a list). */
export const all = (node: unknown, name: string): Node[] =>
  node && typeof node === "object" ? (((node as Node)[name] as Node[] | undefined) ?? []) : [];

export const one = (node: unknown, name: string): Node | undefined => all(node, name)[0];

/** Follows a path of element names; returns the first match. */
export function at(node: unknown, ...path: string[]): Node | undefined {
  let cur: unknown = node;
  for (const p of path) {
    cur = one(cur, p);
    if (cur === undefined) return undefined;
  }
  return cur as Node;
}

/** Text of an element (or of the element at a path), null when absent or empty. */
export function textAt(node: unknown, ...path: string[]): string | null {
  const n = path.length ? at(node, ...path) : node;
  if (n === undefined || n === null) return null;
  if (typeof n === "string") return n || null;
  const t = (n as Node)["#text"];
  return typeof t === "string" && t ? t : typeof t === "number" ? String(t) : null;
}

export const attr = (node: unknown, name: string): string | null =>
  node && typeof node === "object" ? (((node as Node)[`@${name}`] as string) ?? null) : null;
