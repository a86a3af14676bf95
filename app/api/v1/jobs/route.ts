import { apiOperation } from "@/lib/http/api-operation";
import { listJobsOperation } from "@/lib/http/openapi/jobs";
import { listJobs } from "@/lib/jobs/list-jobs";

export const GET = apiOperation(listJobsOperation, async ({ actor }) => ({
  jobs: await listJobs({ actor }),
}));
