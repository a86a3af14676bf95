// The emailed link that lets a customer read and sign a service staff set up for them. Like a
// password link, only the token's SHA-256 is kept; the email's copy is sealed until sent
// (lib/notifications/sealed-secret.ts). A new link replaces the previous one.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { SECRET_MARK } from "@/lib/notifications/sealed-secret";
import { getBranding } from "@/lib/settings/get-branding";

/** How long a request may wait for its signature, in person or by link. */
export const SIGNING_DAYS = 14;

export const hashSigningToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const signingDeadline = (createdAt: Date) =>
  new Date(createdAt.getTime() + SIGNING_DAYS * 86_400_000);

type Request = {
  id: string;
  customerId: string;
  planName: string;
  createdAt: Date;
  customer: { email: string; firstName: string };
};

export async function issueSigningLink(tx: Tx, r: Request) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = signingDeadline(r.createdAt);
  await tx.serviceRequest.update({
    where: { id: r.id },
    data: { linkTokenHash: hashSigningToken(token), linkExpiresAt: expiresAt },
  });
  const brand = await getBranding();
  const until = new Intl.DateTimeFormat(brand.locale, {
    dateStyle: "long",
    timeZone: brand.timeZone,
  }).format(expiresAt);
  await enqueueEmail(
    {
      to: r.customer.email,
      subject: `${brand.name}: your ${r.planName} agreement to sign`,
      text: `Hello ${r.customer.firstName},\n\nWe have set up ${r.planName} for you. Please read the agreement and sign it here (the link works until ${until}):\n${appUrl()}/sign/${SECRET_MARK}\n\nNothing is installed or billed until you sign. If you did not ask for this service, ignore this email.\n\n${brand.name}`,
      secret: token,
      customerId: r.customerId,
    },
    tx,
  );
  return { expiresAt };
}
