// Runs a use case's transactional core and rolls it back, returning what it read on the way: a
// preview computed by the very code that would do the change (RULES.md: the planner decides), so
// "what you will be charged" can never drift from "what you were charged". The rollback also
// returns any invoice numbers taken, so numbering stays gapless.
import "server-only";
import { db, type Tx } from "@/lib/db";

class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super("dry run rolled back");
  }
}

export async function dryRun<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await db.$transaction(async (tx) => {
      throw new RolledBack(await fn(tx));
    });
  } catch (e) {
    if (e instanceof RolledBack) return e.value as T;
    throw e;
  }
  throw new Error("unreachable: a dry run always rolls back");
}
