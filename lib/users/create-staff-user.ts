// Adds a back-office account, either with a temporary password the admin passes on, or with an
// invitation email whose link lets the person choose their own password (valid 72 hours).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, STAFF_ROLES, type Actor } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import { issuePasswordLink } from "@/lib/auth/issue-password-link";
import { deliverPendingNotifications } from "@/lib/notifications/deliver-pending";
import type { Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log";

export const staffRoleSchema = z.enum(STAFF_ROLES as [Role, ...Role[]], {
  message: "Choose a staff role",
});

export const createStaffUserSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("invite"),
    name: z.string().trim().min(2, "Enter the person's name").max(120),
    email: z.string().trim().toLowerCase().email("Enter a valid email address"),
    role: staffRoleSchema,
  }),
  z.object({
    mode: z.literal("password"),
    name: z.string().trim().min(2, "Enter the person's name").max(120),
    email: z.string().trim().toLowerCase().email("Enter a valid email address"),
    role: staffRoleSchema,
    password: z.string().min(10, "Use at least 10 characters").max(200),
  }),
]);
export type CreateStaffUserInput = z.input<typeof createStaffUserSchema>;

export type CreateStaffUserOptions = { actor: Actor } & CreateStaffUserInput;

export async function createStaffUser({ actor, ...input }: CreateStaffUserOptions) {
  assertCan(actor, "users:write");
  const data = createStaffUserSchema.parse(input);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "An account with that email already exists.", {
      email: "An account with that email already exists",
    });
  }
  const passwordHash = data.mode === "password" ? await hashPassword(data.password) : null;
  const { user, notificationId } = await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      // A temporary password was seen by the admin too, so the person must replace it.
      data: {
        name: data.name,
        email: data.email,
        role: data.role,
        passwordHash,
        mustChangePassword: data.mode === "password",
      },
      select: { id: true, name: true, email: true, role: true },
    });
    const invite =
      data.mode === "invite"
        ? await issuePasswordLink(tx, {
            user,
            purpose: "invite",
            invitedBy: actor.kind === "system" ? undefined : actor.name,
          })
        : null;
    await recordAudit(
      {
        actor,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        data: { email: user.email, role: user.role, via: data.mode },
      },
      tx,
    );
    return { user, notificationId: invite?.notificationId };
  });
  if (notificationId)
    // The invitation stays in the outbox; the delivery sweep retries it.
    await deliverPendingNotifications({ ids: [notificationId] }).catch((err) =>
      logger.error({ err, userId: user.id }, "invitation email not delivered yet"),
    );
  return user;
}
