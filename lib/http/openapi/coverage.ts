// Coverage areas (GeoJSON, positions [lng, lat]) and the public feasibility check.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { rolesWith } from "@/lib/auth/roles";
import { CoverageStatus, Technology } from "@/lib/generated/prisma/enums";
import { coverageAreaInputSchema } from "@/lib/coverage/coverage-area-schema";
import { feasibilityQuerySchema } from "@/lib/coverage/feasibility-schema";
import { geometrySchema } from "@/lib/coverage/geometry";
import { dateTime } from "./common";
import { PublicProduct } from "./catalog";

const Geometry = geometrySchema.meta({
  id: "Geometry",
  description: "GeoJSON Polygon or MultiPolygon (RFC 7946), positions [lng, lat]",
});

const CoverageArea = z
  .object({
    id: z.string(),
    name: z.string(),
    technology: z.enum(Technology),
    status: z.enum(CoverageStatus),
    geometry: Geometry,
    updatedAt: dateTime(),
    bbox: z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .meta({ description: "[minLng, minLat, maxLng, maxLat]" }),
    productCount: z.int(),
    leadCount: z.int(),
  })
  .meta({ id: "CoverageArea" });

const AreaRef = z.object({
  id: z.string(),
  name: z.string(),
  technology: z.enum(Technology),
  status: z.enum(CoverageStatus),
});

export const listCoverageAreas = defineOperation({
  method: "GET",
  path: "/coverage-areas",
  tag: "Coverage",
  summary: "Coverage areas with their GeoJSON geometry (coverage:write)",
  roles: rolesWith("coverage:write"),
  responses: { 200: z.object({ data: z.array(CoverageArea) }) },
});

export const createCoverageArea = defineOperation({
  method: "POST",
  path: "/coverage-areas",
  tag: "Coverage",
  summary: "Create a coverage area from GeoJSON (coverage:write)",
  description:
    "`geometry` is a Polygon or MultiPolygon (a Feature or a one-feature collection is accepted too). Without `productIds` the area offers every active plan of its technology and every add-on.",
  roles: rolesWith("coverage:write"),
  body: coverageAreaInputSchema,
  maxBodyBytes: 10 * 1024 * 1024,
  responses: { 201: z.object({ id: z.string(), name: z.string() }) },
});

export const checkFeasibility = defineOperation({
  method: "GET",
  path: "/feasibility",
  tag: "Coverage",
  summary: "Plans available at a point (public, no API key; rate-limited per IP)",
  query: feasibilityQuerySchema,
  rateLimited: true,
  responses: {
    200: z
      .object({
        lat: z.number(),
        lng: z.number(),
        status: z
          .enum(["AVAILABLE", "PLANNED", "UNAVAILABLE"])
          .meta({ description: "PLANNED: inside an area being built; invite a lead" }),
        areas: z.array(AreaRef),
        technologies: z.array(
          z.object({ technology: z.enum(Technology), plans: z.array(PublicProduct) }),
        ),
        addons: z.array(PublicProduct),
        currency: z.string(),
        locale: z.string(),
        pricesIncludeTax: z.boolean(),
      })
      .meta({ id: "Feasibility" }),
  },
});

export const coverageOperations = [listCoverageAreas, createCoverageArea, checkFeasibility];
