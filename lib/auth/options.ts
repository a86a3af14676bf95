// next-auth configuration: email + password for staff and customers, JWT sessions. Each token
// carries the user's sessionVersion; lib/auth/session.ts refuses tokens whose version is not the
// user's current one, which is how a password change, reset or deactivation ends old sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appUrl, env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { safeRedirectUrl } from "@/lib/http/safe-return-to";
import { authenticate } from "./authenticate";
import { decodeSessionJwt, encodeSessionJwt } from "./session-jwt";
import { SESSION_MAX_AGE, userFromToken, withUserClaims } from "./session-token";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      role: Role;
      customerId: string | null;
      sessionVersion: number | null;
    };
  }
  interface User {
    role: Role;
    customerId: string | null;
    sessionVersion: number;
  }
}

/** Behind https the cookie is Secure (and __Secure- prefixed), so it never travels in clear. */
const secureCookies = appUrl().startsWith("https://");
export { SESSION_MAX_AGE };
export const SESSION_COOKIE = {
  name: `${secureCookies ? "__Secure-" : ""}next-auth.session-token`,
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies },
};

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  jwt: { encode: encodeSessionJwt, decode: decodeSessionJwt },
  useSecureCookies: secureCookies,
  cookies: { sessionToken: SESSION_COOKIE },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const user = await authenticate({
            email: credentials.email,
            password: credentials.password,
            ip: clientIp(req?.headers),
          });
          return user;
        } catch (e) {
          // next-auth shows thrown messages as ?error=…; keep rate-limit wording, hide the rest.
          if (e instanceof AppError && e.code === "RATE_LIMITED") throw new Error("RateLimited");
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    // Where next-auth sends the browser after sign-in/out: the same check as every return URL.
    redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
    jwt: ({ token, user }) => (user ? withUserClaims(token, user) : token),
    session({ session, token }) {
      session.user = userFromToken(token);
      return session;
    },
  },
};
