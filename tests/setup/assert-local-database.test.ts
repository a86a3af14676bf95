import { describe, expect, test } from "vitest";
import { assertLocalDatabase } from "./assert-local-database";

describe("the test setup only ever drops databases on this machine", () => {
  test.each([
    "postgresql://postgres@localhost:5432/postgres",
    "postgres://u:p@127.0.0.1/postgres",
    "postgresql://u@127.0.0.2:6543/x",
    "postgresql://u@[::1]:5432/postgres",
    "postgresql://u@LOCALHOST/postgres",
    "postgresql://u@/postgres?host=/var/run/postgresql",
    "postgresql://u@%2Ftmp%2Fpg/postgres",
  ])("accepts %s", (url) => expect(() => assertLocalDatabase(url)).not.toThrow());

  test.each([
    ["postgresql://app:secret@db.internal:5432/lastmile", /db\.internal/],
    ["postgresql://u@10.0.0.5/postgres", /10\.0\.0\.5/],
    ["postgresql://u@localhost.evil.example/postgres", /localhost\.evil\.example/],
    ["postgresql://u@127.0.0.1.nip.io/postgres", /nip\.io/],
    ["postgresql://u@localhost/postgres?host=db.internal", /db\.internal/],
    ["postgresql://u@/x?host=10.0.0.5", /10\.0\.0\.5/],
    ["mysql://u@localhost/x", /postgresql:\/\//],
    ["not a url", /postgresql:\/\//],
  ])("refuses %s", (url, message) => expect(() => assertLocalDatabase(url)).toThrow(message));
});
