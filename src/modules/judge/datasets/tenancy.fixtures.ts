import { gzipSync } from 'node:zlib';
import type { TenancyFixtures } from '../../../../test/support/tenancy-registry.js';
import { createDataset } from './create-dataset.js';

/** Objects of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */
export const tenancyFixtures: TenancyFixtures = {
  async getQuestionDataset({ runtime, tenant }) {
    const upload = gzipSync('CREATE TABLE t (id INT);');
    const dataset = await createDataset(runtime, { workspaceId: tenant.workspace.id }, { name: 'Tenancy dataset', upload });
    return { params: { id: dataset._id } };
  },
};
