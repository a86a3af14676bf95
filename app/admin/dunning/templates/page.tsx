import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { dunningStepLabel } from "@/lib/format/labels";
import type { DunningTemplateKey } from "@/lib/notifications/dunning-templates";
import { resolveTemplate } from "@/lib/notifications/templates/resolve-template-tx";
import { TEMPLATE_EVENTS } from "@/lib/notifications/templates/template-schema";
import { saveTemplateAction } from "./save-template-action";
import { TemplateEditor } from "./template-editor";

export const metadata = { title: "Dunning messages" };

const label = (e: string) =>
  e === "reminder-autopay"
    ? "Reminder (auto-pay)"
    : e === "arrangement-rejected"
      ? "Arrangement not accepted"
      : dunningStepLabel(e);

export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<{ event?: string }>;
}) {
  await requirePermission("settings:write", "/admin/dunning/templates");
  const { event: asked } = await searchParams;
  const event = (TEMPLATE_EVENTS as string[]).includes(asked ?? "")
    ? (asked as DunningTemplateKey)
    : TEMPLATE_EVENTS[0];
  const { overridden, ...template } = await resolveTemplate(event);
  return (
    <>
      <Link href="/admin/dunning" className="text-sm font-medium text-brand-700 hover:underline">
        ← Dunning simulator
      </Link>
      <PageHeader
        title="Dunning messages"
        description="What customers are sent at each step and arrangement change, by email and SMS. These are service messages: they go whatever the customer's marketing consent."
      />
      <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="Messages" className="flex gap-1 overflow-x-auto lg:flex-col">
          {TEMPLATE_EVENTS.map((e) => (
            <Link
              key={e}
              href={`/admin/dunning/templates?event=${e}`}
              aria-current={e === event ? "page" : undefined}
              className="whitespace-nowrap rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-700"
            >
              {label(e)}
            </Link>
          ))}
        </nav>
        <Card>
          <CardHeader title={label(event)} />
          <CardBody>
            <TemplateEditor
              key={event}
              event={event}
              template={template}
              overridden={overridden}
              action={saveTemplateAction}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
