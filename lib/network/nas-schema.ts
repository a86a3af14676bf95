// A NAS as staff enter it (API and admin form). The secret is stored encrypted and never shown
// again; FreeRADIUS gets it through clients.conf (npm run radius:config).
import { isIP } from "node:net";
import { z } from "zod";

export const nasInputSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    ipAddress: z
      .string()
      .trim()
      .refine((v) => isIP(v) !== 0, "Enter an IPv4 or IPv6 address")
      // The form PostgreSQL's host(inet) gives back, so radacct's NAS address matches it.
      .transform((v) => (isIP(v) === 6 ? new URL(`http://[${v}]`).hostname.slice(1, -1) : v)),
    type: z.enum(["MIKROTIK", "CISCO", "OTHER"]).default("OTHER"),
    // RFC 2865 allows any octets; printable ASCII keeps it typeable on every NAS.
    secret: z
      .string()
      .min(8, "At least 8 characters")
      .max(128)
      .regex(/^[\x21-\x7e]+$/, "Printable characters without spaces"),
    coaPort: z.number().int().min(1).max(65535).default(3799),
    description: z.string().trim().max(500).nullish(),
  })
  .meta({ id: "NasInput" });

export type NasInput = z.input<typeof nasInputSchema>;

export const nasSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    ipAddress: z.string(),
    type: z.enum(["MIKROTIK", "CISCO", "OTHER"]),
    coaPort: z.number().int(),
    description: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Nas" });

export type NasView = z.infer<typeof nasSchema>;

export const toNasView = (n: {
  id: string;
  name: string;
  ipAddress: string;
  type: NasView["type"];
  coaPort: number;
  description: string | null;
  createdAt: Date;
}): NasView => ({
  id: n.id,
  name: n.name,
  ipAddress: n.ipAddress,
  type: n.type,
  coaPort: n.coaPort,
  description: n.description,
  createdAt: n.createdAt.toISOString(),
});
