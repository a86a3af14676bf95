import { expect, test } from "vitest";
import {
  fupGroup,
  planGroup,
  SUSPENDED_GROUP,
  THROTTLE_GROUP,
  WALLED_GARDEN_GROUP,
} from "./radius-groups";
import { desiredGroup, sessionActionFor } from "./service-state";

const s = (status: "PENDING" | "ACTIVE" | "SUSPENDED" | "CANCELLED", softSuspended = false) => ({
  status,
  softSuspended,
  productCode: "F50",
});

test("subscription state decides the one group a service is in", () => {
  expect(desiredGroup(s("ACTIVE"), "REJECT")).toBe(planGroup("F50"));
  expect(desiredGroup(s("ACTIVE", true), "REJECT")).toBe(THROTTLE_GROUP);
  expect(desiredGroup(s("SUSPENDED"), "REJECT")).toBe(SUSPENDED_GROUP);
  expect(desiredGroup(s("SUSPENDED", true), "WALLED_GARDEN")).toBe(WALLED_GARDEN_GROUP);
  expect(desiredGroup(s("PENDING"), "REJECT")).toBeNull();
  expect(desiredGroup(s("CANCELLED"), "REJECT")).toBeNull();
});

test("a used-up cap throttles to the plan's fair use or walls the service in", () => {
  expect(desiredGroup({ ...s("ACTIVE"), capped: "THROTTLE" }, "REJECT")).toBe(fupGroup("F50"));
  expect(desiredGroup({ ...s("ACTIVE"), capped: "BLOCK" }, "REJECT")).toBe(WALLED_GARDEN_GROUP);
  // Dunning wins over the cap; a suspension wins over both.
  expect(desiredGroup({ ...s("ACTIVE", true), capped: "THROTTLE" }, "REJECT")).toBe(THROTTLE_GROUP);
  expect(desiredGroup({ ...s("SUSPENDED"), capped: "THROTTLE" }, "REJECT")).toBe(SUSPENDED_GROUP);
  // Plan ↔ fair use is a rate change: CoA both ways.
  expect(sessionActionFor(planGroup("F50"), fupGroup("F50"))).toBe("coa");
  expect(sessionActionFor(fupGroup("F50"), planGroup("F50"))).toBe("coa");
});

test("rate changes go by CoA; leaving a list, rejection and removal need a reconnect", () => {
  const [a, b] = [planGroup("F50"), planGroup("F100")];
  expect(sessionActionFor(a, a)).toBe("none");
  expect(sessionActionFor(null, a)).toBe("none");
  expect(sessionActionFor(a, b)).toBe("coa");
  expect(sessionActionFor(a, THROTTLE_GROUP)).toBe("coa");
  expect(sessionActionFor(THROTTLE_GROUP, a)).toBe("disconnect");
  expect(sessionActionFor(a, SUSPENDED_GROUP)).toBe("disconnect");
  expect(sessionActionFor(a, WALLED_GARDEN_GROUP)).toBe("disconnect");
  expect(sessionActionFor(WALLED_GARDEN_GROUP, a)).toBe("disconnect");
  expect(sessionActionFor(a, null)).toBe("disconnect");
});
