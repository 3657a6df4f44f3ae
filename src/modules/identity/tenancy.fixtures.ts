import type { TenancyFixtures } from '../../../test/support/tenancy-registry.js';
import { createApiKey } from './api-keys.js';

/** Objects of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */
export const tenancyFixtures: TenancyFixtures = {
  async revokeApiKey({ runtime, tenant }) {
    const { apiKey } = await createApiKey(runtime.database.db, tenant.workspace.id, { name: 'tenancy fixture', authorId: tenant.admin.id });
    return { params: { id: apiKey.id } };
  },
};
