// The admin "Start billing run" form, parsed by the form's action.
import { z } from "zod";
import { isoDate } from "@/lib/http/form-fields";

export const startRunSchema = z.object({ asOf: isoDate("Choose the run date") });
