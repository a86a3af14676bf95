import { apiRoute } from "@/lib/http/api-route";
import { previewBilling } from "@/lib/billing/preview-billing";
import { todayForIsp } from "@/lib/billing/billing-settings";

export const GET = apiRoute(async ({ req, actor }) =>
  previewBilling({ asOf: req.nextUrl.searchParams.get("asOf") ?? (await todayForIsp()), actor }),
);
