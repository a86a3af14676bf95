// How an IPoE line is named on the network: the router's MAC address (MikroTik's DHCP server and
// most BNGs send it as User-Name, upper-case with colons) or the DHCP Option 82 circuit id the
// access switch inserts. Either becomes the service's RADIUS username.
import { z } from "zod";

const MAC =
  /^([0-9a-f]{2})[:-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})$/i;

export const ipoeIdentitySchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("MAC"),
      value: z
        .string()
        .trim()
        .regex(MAC, "Enter a MAC address like AA:BB:CC:DD:EE:FF")
        .transform((v) => MAC.exec(v)!.slice(1).join(":").toUpperCase()),
    }),
    z.object({
      kind: z.literal("OPTION82"),
      value: z
        .string()
        .trim()
        .min(1)
        .max(64)
        .regex(/^[\x21-\x7e]+$/, "Printable characters without spaces"),
    }),
  ])
  .meta({ id: "IpoeIdentity" });
export type IpoeIdentity = z.input<typeof ipoeIdentitySchema>;
