// The admin "Start billing run" form, shared by the form's action and requestBillingRun's callers.
import { z } from "zod";
import { isoDate } from "@/lib/http/form-fields";

export const startRunSchema = z.object({ asOf: isoDate("Choose the run date") });
