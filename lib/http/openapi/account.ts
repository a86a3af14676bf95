// Operations about the caller itself.
import { z } from "zod";
import { defineOperation } from "@/lib/http/define-operation";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const getMe = defineOperation({
  method: "GET",
  path: "/me",
  tag: "Account",
  summary: "The API key's identity and role",
  roles: STAFF_ROLES,
  responses: {
    200: z.object({ name: z.string(), role: z.string() }).meta({ id: "Me" }),
  },
});

export const accountOperations = [getMe];
