import type { TenancyContext, TenancyFixtures } from '../../../test/support/tenancy-registry.js';
import { usersCsvExport } from '../../modules/workspace/employees/export-employees.js';
import { requestExport } from './request-export.js';
import { runExport } from './run-export.js';

/** Objects of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */

/** A finished users export of A: asked for as a request would, then its job run here. */
async function exportOfA({ runtime, tenant }: TenancyContext) {
  const row = await requestExport(runtime.database.db, {
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
};
