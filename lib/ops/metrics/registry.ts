// The Prometheus metrics of one process. npm start's HTTP wrapper (loaded by tsx) and the route
// handler that serves /api/metrics (bundled by Next) may load this module twice, so the metrics
// live on globalThis and both copies count into the same registry.
import client from "prom-client";

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new client.Counter({
      name: "lastmile_http_requests_total",
      help: "HTTP requests answered, by route pattern (not raw path), method and status",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "lastmile_http_request_duration_seconds",
      help: "Time from request to the end of the response, by route pattern and method",
      labelNames: ["method", "route"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10],
      registers,
    }),
    jobRuns: new client.Counter({
      name: "lastmile_job_runs_total",
      help: 'Job runs by job and outcome; failures are status="failed"',
      labelNames: ["job", "status"] as const,
      registers,
    }),
    jobDuration: new client.Histogram({
      name: "lastmile_job_duration_seconds",
      help: "Job run duration by job",
      labelNames: ["job"] as const,
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
      registers,
    }),
    jobLastSuccess: new client.Gauge({
      name: "lastmile_job_last_success_timestamp_seconds",
      help: "Unix time of each job's last successful run in this process",
      labelNames: ["job"] as const,
      registers,
    }),
    outboxPending: new client.Gauge({
      name: "lastmile_outbox_pending",
      help: "Notifications waiting to be sent",
      registers,
    }),
    outboxOldestPending: new client.Gauge({
      name: "lastmile_outbox_oldest_pending_seconds",
      help: "Age of the oldest notification waiting to be sent (0 when none)",
      registers,
    }),
    outboxFailed: new client.Gauge({
      name: "lastmile_outbox_failed",
      help: "Notifications that gave up after their retries",
      registers,
    }),
    webhooksUnprocessed: new client.Gauge({
      name: "lastmile_webhook_events_unprocessed",
      help: "Inbound gateway and bank events stored but not processed yet",
      registers,
    }),
    webhookLag: new client.Gauge({
      name: "lastmile_webhook_oldest_unprocessed_seconds",
      help: "Age of the oldest unprocessed inbound event (0 when none)",
      registers,
    }),
    dbPool: new client.Gauge({
      name: "lastmile_db_pool_connections",
      help: "Connections of this process's database pool by state (idle, active) and its maximum",
      labelNames: ["state"] as const,
      registers,
    }),
    dbPoolWaiting: new client.Gauge({
      name: "lastmile_db_pool_waiting_requests",
      help: "Queries waiting for a free connection in this process's pool",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof create>;

const KEY = Symbol.for("lastmile.metrics");

export function metrics(): Metrics {
  const g = globalThis as { [KEY]?: Metrics };
  return (g[KEY] ??= create());
}
