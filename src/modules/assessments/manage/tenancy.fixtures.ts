import { and, eq } from 'drizzle-orm';
import type { TenancyContext, TenancyFixtures } from '../../../../test/support/tenancy-registry.js';
import { assessments } from '../schema.js';
import { createAssessment } from './create-assessment.js';

/** Assessments of tenant A for the tenancy suite (test/tenancy.test.ts); see test/README.md. */

async function assessmentOfA({ runtime, tenant }: TenancyContext) {
  const row = await createAssessment(
    runtime.database.db,
    { tenant: { workspaceId: tenant.workspace.id, allowedSubaccountIds: [] }, actorId: tenant.admin.id },
    { name: 'Tenancy assessment' },
  );
  return { params: { id: row.id } };
}

/** An assessment carrying one attachment, so A's own delete of it is not a 404. */
async function assessmentWithMediaOfA(ctx: TenancyContext) {
  const { params } = await assessmentOfA(ctx);
  const path = `workspaces/${ctx.tenant.workspace.id}/assessments/${params.id}/media/tenancy.pdf`;
  await ctx.runtime.database.db
    .update(assessments)
    .set({ media: [{ path, name: 'tenancy.pdf', content_type: 'application/pdf', size: 1, created: new Date().toISOString() }] })
    .where(and(eq(assessments.workspaceId, ctx.tenant.workspace.id), eq(assessments.id, params.id)));
  return { params, body: { path } };
}

/** An attachment whose file is really stored, so A's own download is a 200. */
async function storedMediaOfA(ctx: TenancyContext) {
  const { params, body } = await assessmentWithMediaOfA(ctx);
  await ctx.runtime.storage.put(body.path, Buffer.from('%PDF-1.7\n'), { contentType: 'application/pdf' });
  return { params: { ...params, file: 'tenancy.pdf' } };
}

export const tenancyFixtures: TenancyFixtures = {
  getAssessment: assessmentOfA,
  updateAssessment: async (ctx) => ({ ...(await assessmentOfA(ctx)), body: { name: 'Renamed by tenancy' } }),
  duplicateAssessment: async (ctx) => ({ ...(await assessmentOfA(ctx)), body: {} }),
  uploadAssessmentMedia: assessmentOfA,
  deleteAssessmentMedia: assessmentWithMediaOfA,
  downloadAssessmentMedia: storedMediaOfA,
  updateAssessmentShareLinks: async (ctx) => ({ ...(await assessmentOfA(ctx)), body: { links: [{ active: true, tags: ['tenancy'] }] } }),
  findAssessmentInvitationLinks: assessmentOfA,
  getAssessmentStats: async (ctx) => ({ ...(await assessmentOfA(ctx)), query: {} }),
};
