// Runs in the browser before the app's own code. Zod compiles object parsers with
// `new Function` when it may; under our CSP (no 'unsafe-eval', see proxy.ts) even its probe for
// that is reported as a violation. Its interpreted parser is the same, just not compiled.
import { z } from "zod";

z.config({ jitless: true });
