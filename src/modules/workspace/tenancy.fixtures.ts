import type { TenancyContext, TenancyFixtures } from '../../../test/support/tenancy-registry.js';
import { createUser } from '../identity/users.js';
import { addMember } from '../identity/workspaces/create-workspace.js';
import { createSubaccount } from './subaccounts/save-subaccount.js';
import { requestExport } from '../../platform/exports/request-export.js';
import { runExport } from '../../platform/exports/run-export.js';
import { usersCsvExport } from './employees/export-employees.js';

/** Objects of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */

let counter = 0;
async function employeeOfA({ runtime, tenant }: TenancyContext) {
  counter += 1;
  const email = `tenancy.${tenant.workspace.id}.${counter}@example.test`;
  const user = await createUser(runtime.database.db, { email, displayName: 'Tenancy employee', confirmed: true });
  await addMember(runtime.database.db, tenant.workspace.id, user.id, { roles: 'user' });
  return { params: { id: user.id } };
}

async function subaccountOfA({ runtime, tenant }: TenancyContext) {
  const subaccount = await createSubaccount(runtime.database.db, { workspaceId: tenant.workspace.id, allowedSubaccountIds: [] }, { name: 'Tenancy subaccount' });
  return { params: { subId: subaccount.id } };
}

/** A finished users export of A (GET /exports/:id serves every module's exports): asked for as a request would, then its job run here. */
async function exportOfA({ runtime, tenant }: TenancyContext) {
  const row = await requestExport(runtime, {
    definition: usersCsvExport,
    tenant: { workspaceId: tenant.workspace.id, allowedSubaccountIds: [] },
    params: {},
    language: 'en',
    authorId: tenant.admin.id,
  });
  await runExport(runtime, { id: row.id, name: 'export.csv', data: { workspaceId: row.workspaceId, exportId: row.id }, retryCount: 0, retryLimit: 0 });
  return { params: { id: row.id } };
}

export const tenancyFixtures: TenancyFixtures = {
  getExport: exportOfA,
  downloadExport: exportOfA,
  getEmployee: employeeOfA,
  updateEmployee: employeeOfA,
  removeEmployee: employeeOfA,
  getUserProfile: employeeOfA,
  findUserSkills: employeeOfA,
  listUserTeams: employeeOfA,
  getSubaccount: subaccountOfA,
  getSubaccountStats: subaccountOfA,
  updateSubaccount: subaccountOfA,
  removeSubaccount: subaccountOfA,
};
