import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { searchCustomers } from "@/lib/customers/search-customers";
import { can } from "@/lib/auth/roles";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata = { title: "Customers" };

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; after?: string }>;
}) {
  const actor = await requirePermission("customers:read", "/admin/customers");
  const { q = "", after } = await searchParams;
  const { customers, nextCursor } = await searchCustomers({
    actor,
    q: q.slice(0, 100),
    after: after?.slice(0, 40),
  });
  const next = nextCursor
    ? `/admin/customers?${new URLSearchParams({ ...(q && { q }), after: nextCursor })}`
    : null;
  return (
    <>
      <PageHeader
        title="Customers"
        description="Newest accounts first. Search by name, company, account number, email or phone."
        actions={
          <>
            {can(actor, "customers:read") && (
              <ButtonLink
                variant="secondary"
                href={`/api/exports/customers${q ? `?${new URLSearchParams({ q })}` : ""}`}
              >
                Export CSV
              </ButtonLink>
            )}
            {can(actor, "customers:write") && (
              <ButtonLink
                variant="secondary"
                href={`/admin/customers/message${q ? `?${new URLSearchParams({ q })}` : ""}`}
              >
                Message these
              </ButtonLink>
            )}
            {can(actor, "customers:write") && (
              <ButtonLink href="/admin/customers/new">New customer</ButtonLink>
            )}
          </>
        }
      />
      <form role="search" className="mb-4 flex max-w-xl gap-2">
        <label htmlFor="q" className="sr-only">
          Search customers
        </label>
        <Input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="e.g. Botha, C000123, 082 555, jo@example.com"
          autoFocus={!after}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {q && (
          <ButtonLink href="/admin/customers" variant="ghost">
            Clear
          </ButtonLink>
        )}
      </form>
      <Card>
        {customers.length === 0 ? (
          <EmptyState title={q ? `No customer matches “${q}”` : "No customers yet"}>
            {q
              ? "Check the spelling, or search by account number or email."
              : "Customers appear here when they order online or are imported."}
          </EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Account</Th>
                <Th>Name</Th>
                <Th>Contact</Th>
                <Th>Area</Th>
                <Th numeric>Services</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {customers.map((c) => (
                <tr key={c.id} className="hover:bg-slate-50">
                  <Td>
                    <Link
                      href={`/admin/customers/${c.id}`}
                      className="font-mono text-xs font-semibold text-brand-700 hover:underline"
                    >
                      {c.accountNumber}
                    </Link>
                  </Td>
                  <Td>
                    <Link
                      href={`/admin/customers/${c.id}`}
                      className="font-medium text-slate-900 hover:underline"
                    >
                      {c.lastName}, {c.firstName}
                    </Link>
                    {c.companyName && (
                      <span className="block text-xs text-slate-500">{c.companyName}</span>
                    )}
                  </Td>
                  <Td>
                    <span className="block max-w-72 truncate">{c.email}</span>
                    {c.phone && (
                      <span className="tabular block text-xs text-slate-500">{c.phone}</span>
                    )}
                  </Td>
                  <Td className="text-slate-500">
                    {c.billingAddress ? (c.billingAddress.suburb ?? c.billingAddress.city) : ""}
                  </Td>
                  <Td numeric>{c.activeServices}</Td>
                  <Td>
                    <StatusBadge kind="customer" status={c.status} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {(next || after) && (
        <nav aria-label="Pages" className="mt-4 flex justify-end gap-2">
          {after && (
            <ButtonLink
              variant="secondary"
              size="sm"
              href={`/admin/customers${q ? `?${new URLSearchParams({ q })}` : ""}`}
            >
              First page
            </ButtonLink>
          )}
          {next && (
            <ButtonLink variant="secondary" size="sm" href={next}>
              Next page
            </ButtonLink>
          )}
        </nav>
      )}
    </>
  );
}
