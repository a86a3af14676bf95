// Moved to tests/support/fake-stripe.ts (payments use it too); this path keeps old imports working.
export { startFakeStripe } from "../support/fake-stripe";
