// The one logger (pino, JSON lines on stdout). LOG_LEVEL sets the level; jobs and requests log
// through child loggers that carry their job name / run id or request id.
import pino from "pino";
import { env } from "@/lib/env";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { app: "lastmile" },
  redact: ["password", "*.password", "token", "*.token", "authorization", "*.authorization"],
});

export type Logger = pino.Logger;
