// The test setup drops and creates databases on the server it is given. It refuses a
// TEST_DATABASE_URL that is not on this machine before it touches anything, so a production URL
// left in a shell can never be wiped by `npm test` (dub's assert-local-database does the same).
// The URL is read by pg's own parser, so the host checked is the host pg would connect to.
import { parse } from "pg-connection-string";

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/i;

/** Throws unless `url` is a PostgreSQL URL on a loopback address or a local Unix socket. */
export function assertLocalDatabase(url: string): void {
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error("TEST_DATABASE_URL must be a postgresql:// URL on localhost");
  const host = parse(url).host ?? "";
  // A host that is an absolute path is a Unix socket: always on this machine.
  if (host.startsWith("/") || LOOPBACK.test(host)) return;
  throw new Error(
    `Refusing to run the tests against "${host}": they drop and create databases. Point ` +
      "TEST_DATABASE_URL at localhost, or unset it to use a throw-away embedded PostgreSQL.",
  );
}
