// Static IP pools and assignments as staff and the API enter and read them.
import { isIPv4 } from "node:net";
import { z } from "zod";
import { inCidr, parseCidr } from "./ipv4";

export const ipPoolInputSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    cidr: z
      .string()
      .trim()
      .refine((v) => parseCidr(v) !== null, "Enter an IPv4 block like 203.0.113.0/26")
      .refine((v) => (parseCidr(v)?.prefix ?? 0) >= 16, "At most a /16"),
    gateway: z
      .string()
      .trim()
      .nullish()
      .transform((v) => v || null)
      .refine((v) => v === null || isIPv4(v), "Enter an IPv4 address"),
    description: z.string().trim().max(300).nullish(),
  })
  .refine((p) => !p.gateway || inCidr(parseCidr(p.cidr)!, p.gateway), {
    path: ["gateway"],
    message: "The gateway must be inside the block",
  })
  .meta({ id: "IpPoolInput" });
export type IpPoolInput = z.input<typeof ipPoolInputSchema>;

export const ipPoolSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    cidr: z.string(),
    gateway: z.string().nullable(),
    description: z.string().nullable(),
    size: z.number().int().describe("Addresses it may hand out"),
    assigned: z.number().int(),
  })
  .meta({ id: "IpPool" });

export const staticIpInputSchema = z
  .object({
    poolId: z.string().min(1),
    /** A particular free address of the pool; the lowest free one when absent. */
    address: z
      .string()
      .trim()
      .refine((v) => isIPv4(v), "Enter an IPv4 address")
      .optional(),
  })
  .meta({ id: "StaticIpInput" });
export type StaticIpInput = z.input<typeof staticIpInputSchema>;

export const staticIpSchema = z
  .object({
    subscriptionId: z.string(),
    poolId: z.string(),
    address: z.string(),
    assignedAt: z.iso.datetime(),
  })
  .meta({ id: "StaticIp" });
