// The version operators see in `npm start`'s first line, on the System page and in backups.
import { readFileSync } from "node:fs";
import path from "node:path";

let version: string | undefined;

export function appVersion(): string {
  version ??= (
    JSON.parse(readFileSync(path.resolve("package.json"), "utf8")) as { version: string }
  ).version;
  return version;
}
