import { randomUUID } from "node:crypto";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/require-permission";
import { sendBulkMessageAction } from "./send-bulk-message-action";

export const metadata = { title: "Message customers" };

export default async function BulkMessagePage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string }>;
}) {
  await requirePermission("customers:write", "/admin/customers/message");
  const q = (await searchParams).q?.slice(0, 100) ?? "";
  return (
    <>
      <Link
        href={`/admin/customers${q ? `?${new URLSearchParams({ q })}` : ""}`}
        className="text-sm font-medium text-brand-700 hover:underline"
      >
        ← Customers
      </Link>
      <PageHeader
        title="Message customers"
        description={
          q
            ? `Every customer the search “${q}” finds gets this message. It is recorded in the audit log.`
            : "Every customer gets this message. Search the customer list first to narrow it. It is recorded in the audit log."
        }
      />
      <Card className="max-w-3xl">
        <CardBody>
          <ActionForm action={sendBulkMessageAction} submit="Queue message">
            <input type="hidden" name="q" value={q} />
            <input type="hidden" name="batchId" value={randomUUID()} />
            <Field label="Send by" name="channel" hint="SMS becomes available with an SMS gateway.">
              <Select name="channel" defaultValue="EMAIL">
                <option value="EMAIL">Email</option>
              </Select>
            </Field>
            <Field
              label="Kind of message"
              name="purpose"
              hint="Marketing goes only to customers who agreed to marketing; service notices go to everyone."
            >
              <Select name="purpose" defaultValue="MARKETING">
                <option value="MARKETING">Marketing (offers, news)</option>
                <option value="SERVICE">Service notice (outage, price change)</option>
              </Select>
            </Field>
            <Field label="Subject" name="subject">
              <Input name="subject" required maxLength={200} />
            </Field>
            <Field label="Message" name="body" hint="Each customer is greeted by first name.">
              <Textarea name="body" rows={8} required maxLength={10000} />
            </Field>
          </ActionForm>
        </CardBody>
      </Card>
    </>
  );
}
