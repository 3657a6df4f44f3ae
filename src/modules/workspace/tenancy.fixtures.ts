import type { TenancyContext, TenancyFixtures } from '../../../test/support/tenancy-registry.js';
import { createUser } from '../identity/users.js';
import { addMember } from './create-workspace.js';
import { createSubaccount } from './subaccounts/save-subaccount.js';

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

export const tenancyFixtures: TenancyFixtures = {
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
