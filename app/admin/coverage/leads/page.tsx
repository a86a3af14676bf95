import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { listLeads } from "@/lib/leads/list-leads";
import { getBranding } from "@/lib/settings/get-branding";

export const metadata = { title: "Interest leads" };

export default async function LeadsPage() {
  const actor = await requirePermission("coverage:write", "/admin/coverage/leads");
  const [leads, brand] = await Promise.all([listLeads({ actor }), getBranding()]);
  return (
    <>
      <PageHeader
        title="Interest leads"
        description="Visitors outside live coverage who asked to be told when you reach them. They agreed to be contacted about coverage only."
      />
      <Card>
        {leads.length === 0 ? (
          <EmptyState title="No leads yet">
            They appear when someone outside coverage uses “Notify me”.
          </EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Name</Th>
                <Th>Contact</Th>
                <Th>Address</Th>
                <Th>Planned area</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {leads.map((l) => (
                <tr key={l.id}>
                  <Td>
                    <DateTime value={l.createdAt} locale={brand.locale} timeZone={brand.timeZone} />
                  </Td>
                  <Td className="font-medium">{l.name}</Td>
                  <Td>
                    {l.email}
                    {l.phone && (
                      <>
                        <br />
                        {l.phone}
                      </>
                    )}
                  </Td>
                  <Td className="whitespace-normal">{l.address}</Td>
                  <Td>
                    {l.coverageArea?.name ?? (
                      <span className="text-slate-400">outside all areas</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
