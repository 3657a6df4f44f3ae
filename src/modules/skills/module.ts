import { defineModule } from '../../platform/contract/define-module.js';

/** Skills: the global taxonomy, workspace skill variants with proficiency levels, and their exports. */
export const skillsModule = defineModule({ name: 'skills' });
