import { defineModule } from '../../platform/contract/define-module.js';
import { workspaceRoutes } from './routes.js';
import { usersCsvExport } from './employees/export-employees.js';
import { certificatesCsvExport } from './employees/export-certificates.js';
import { creditsCsvExport } from './credits/export.js';

/** Workspace administration: employees, subaccounts, the credits ledger and their exports. */
export const workspaceModule = defineModule({
  name: 'workspace',
  routes: [workspaceRoutes],
  exports: [usersCsvExport, certificatesCsvExport, creditsCsvExport],
});
