import type { TenancyContext, TenancyFixtures } from '../../../test/support/tenancy-registry.js';
import { createVariant } from './create-variant.js';

/** Objects of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */

async function variantOfA({ runtime, tenant }: TenancyContext) {
  const variant = await createVariant(
    { db: runtime.database.db, tenant: { workspaceId: tenant.workspace.id, allowedSubaccountIds: [] }, actorId: tenant.admin.id },
    { name: 'Tenancy variant', levels: [{ name: 'Beginner' }, { name: 'Expert' }] },
  );
  return { params: { id: variant.id } };
}

export const tenancyFixtures: TenancyFixtures = {
  getSkillVariant: variantOfA,
  updateSkillVariant: async (context) => ({ ...(await variantOfA(context)), body: { name: 'Tenancy renamed', levels: [{ name: 'Only level' }] } }),
};
