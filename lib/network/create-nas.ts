// Registers a NAS: FreeRADIUS accepts it after the next `npm run radius:config` (clients.conf)
// and CoA/Disconnect requests go to its CoA port. One NAS per address.
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/encrypt";
import { AppError } from "@/lib/errors";
import { nasInputSchema, toNasView, type NasInput } from "./nas-schema";

export type CreateNasOptions = { actor: Actor; input: NasInput };

export async function createNas(opts: CreateNasOptions) {
  assertCan(opts.actor, "network:write");
  const v = nasInputSchema.parse(opts.input);
  const { ipAddress } = v;
  return db.$transaction(async (tx) => {
    if (await tx.nas.findUnique({ where: { ipAddress }, select: { id: true } }))
      throw new AppError("CONFLICT", "A NAS with this address exists already.", {
        ipAddress: "already registered",
      });
    const nas = await tx.nas.create({
      data: {
        name: v.name,
        ipAddress,
        type: v.type,
        secret: encryptSecret(v.secret),
        coaPort: v.coaPort,
        description: v.description ?? null,
      },
    });
    await recordAudit(
      {
        actor: opts.actor,
        action: "nas.create",
        entityType: "Nas",
        entityId: nas.id,
        data: { name: nas.name, ipAddress, type: nas.type, coaPort: nas.coaPort },
      },
      tx,
    );
    return toNasView(nas);
  });
}
