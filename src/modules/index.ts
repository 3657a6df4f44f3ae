import type { AssayModule } from '../platform/contract/define-module.js';
import { systemModule } from './system/module.js';
import { identityModule } from './identity/module.js';
import { workspaceModule } from './workspace/module.js';
import { judgeModule } from './judge/module.js';
import { skillsModule } from './skills/module.js';
import { questionsModule } from './questions/module.js';
import { assessmentsModule } from './assessments/module.js';
import { webModule } from './web/module.js';

/**
 * The application's modules, in mount order: the one list the server, the runtime, `assay worker`
 * and the export job read. Adding a module is a folder with a module.ts and one line here.
 */
export const modules: readonly AssayModule[] = [
  systemModule,
  identityModule,
  workspaceModule,
  judgeModule,
  skillsModule,
  questionsModule,
  assessmentsModule,
  webModule,
];
