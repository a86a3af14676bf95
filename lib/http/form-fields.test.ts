import { describe, expect, test } from "vitest";
import { z } from "zod";
import { checkbox, isoDate, stringList, yesNo } from "./form-fields";

describe("form fields read what forms send and what JSON sends", () => {
  const schema = z.object({
    agree: checkbox(),
    prices: yesNo(),
    areas: stringList(),
    on: isoDate().optional(),
  });

  test("a form: ticked box, yes/no select, one box of a group", () => {
    expect(schema.parse({ agree: "on", prices: "false", areas: "a1" })).toEqual({
      agree: true,
      prices: false,
      areas: ["a1"],
    });
  });

  test("an unticked box and an empty group are absent from the form", () => {
    expect(schema.parse({ prices: "true" })).toEqual({ agree: false, prices: true, areas: [] });
  });

  test("JSON booleans and arrays pass as they are, and parsing twice changes nothing", () => {
    const once = schema.parse({ agree: true, prices: false, areas: ["a", "b"], on: "2026-02-28" });
    expect(schema.parse(once)).toEqual(once);
  });

  test("anything else is refused", () => {
    expect(schema.safeParse({ agree: "yes", prices: "true" }).success).toBe(false);
    expect(schema.safeParse({ prices: "maybe" }).success).toBe(false);
    expect(schema.safeParse({ prices: true, on: "2026-02-30" }).success).toBe(false);
  });
});
