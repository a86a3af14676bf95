import { StatusBadge } from "@/components/ui/status-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/require-permission";
import { listStaffUsers } from "@/lib/users/list-staff-users";
import { getBranding } from "@/lib/settings/get-branding";
import { CreateStaffUserForm } from "./create-staff-user-form";
import { ActiveToggle, RoleSelect } from "./user-row-actions";

export const metadata = { title: "Staff users" };

export default async function StaffUsersPage() {
  const actor = await requirePermission("users:write", "/admin/users");
  const [users, brand] = await Promise.all([listStaffUsers({ actor }), getBranding()]);
  return (
    <>
      <PageHeader
        title="Staff users"
        description="Who can sign in to the back office, and what their role lets them do. Changes take effect on their next click."
      />
      <Card className="mb-6">
        <CardHeader title="Add a staff member" />
        <CardBody>
          <CreateStaffUserForm />
        </CardBody>
      </Card>
      <Card>
        {users.length === 0 ? (
          <EmptyState title="No staff yet" />
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th>Last sign-in</Th>
                <Th />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id} className={u.active ? undefined : "bg-slate-50/60"}>
                  <Td>
                    <p
                      className={
                        u.active ? "font-medium text-slate-900" : "font-medium text-slate-500"
                      }
                    >
                      {u.name}{" "}
                      {u.id === actor.id && (
                        <span className="text-xs font-normal text-slate-500">(you)</span>
                      )}
                    </p>
                    <p className="text-xs text-slate-500">{u.email}</p>
                  </Td>
                  <Td>
                    <RoleSelect userId={u.id} role={u.role} name={u.name} disabled={!u.active} />
                  </Td>
                  <Td>
                    <StatusBadge
                      kind="staffUser"
                      status={!u.active ? "DEACTIVATED" : u.invitePending ? "INVITED" : "ACTIVE"}
                    />
                  </Td>
                  <Td className="text-slate-500">
                    {u.lastLoginAt ? (
                      <DateTime
                        value={u.lastLoginAt}
                        locale={brand.locale}
                        timeZone={brand.timeZone}
                      />
                    ) : (
                      "Never"
                    )}
                  </Td>
                  <Td className="text-right">
                    {u.id !== actor.id && (
                      <ActiveToggle userId={u.id} active={u.active} name={u.name} />
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
