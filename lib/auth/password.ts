// Passwords are hashed with argon2id (OWASP's first choice) via @node-rs/argon2.
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = {
  algorithm: 2 /* Argon2id */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  // Verify against something even when there is no user, so timing does not reveal which emails exist.
  dummyHash ??= hashPassword("no-such-user-password");
  const target = passwordHash ?? (await dummyHash);
  const ok = await verify(target, password).catch(() => false);
  return ok && Boolean(passwordHash);
}
