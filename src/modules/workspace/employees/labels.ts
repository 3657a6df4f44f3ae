import type { Language } from '../../../platform/http/request-context.js';
import type { Role } from '../../../platform/config.js';
import { roleLabel } from '../../../platform/auth/permissions.js';

export const employeeStatuses = ['draft', 'invited', 'active', 'paused', 'inactive'] as const;
export type EmployeeStatus = (typeof employeeStatuses)[number];

const statusLabelTexts: Record<Language, Record<EmployeeStatus, string>> = {
  en: { draft: 'Draft', invited: 'Invited', active: 'Active', paused: 'Paused', inactive: 'Inactive' },
  pt: { draft: 'Rascunho', invited: 'Convidado', active: 'Ativo', paused: 'Pausado', inactive: 'Inativo' },
  es: { draft: 'Borrador', invited: 'Invitado', active: 'Activo', paused: 'Pausado', inactive: 'Inactivo' },
};

export const statusLabels = (language: Language) => statusLabelTexts[language];
export const statusLabel = (status: EmployeeStatus, language: Language) => statusLabelTexts[language][status];
export const rolesFormatted = (role: Role, language: Language) => [roleLabel(role, language)];
