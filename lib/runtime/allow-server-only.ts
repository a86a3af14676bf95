// `import "server-only"` marks lib modules that must never reach a browser bundle; Next enforces
// it when it builds. The CLIs, the start script (which also runs the embedded scheduler) and the
// benchmarks run the same lib code in plain Node, where the package's default entry throws by
// design. Importing this module first (before any lib module is loaded) resolves it to the
// package's own empty server entry for the rest of the process.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier !== "server-only") return next(specifier, context);
        return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
      }`,
    ),
);
