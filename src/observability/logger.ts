// Structured JSON logs (pino). Log names and reasons, never values: secret material must not reach any log line,
// so well-known carriers of values are redacted as a second line of defence.
import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger };

export function createLogger(
  level: string = process.env.LOG_LEVEL ?? "info",
  destination?: DestinationStream,
): Logger {
  const options = {
    level,
    base: { app: "flyte-secrets" },
    redact: {
      paths: ["data", "stringData", "*.data", "*.stringData", "value", "*.value", "body", "*.body"],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
