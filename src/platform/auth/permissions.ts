import type { Role } from '../config.js';

export const roles = ['user', 'business', 'hunter', 'manager', 'admin'] as const satisfies readonly Role[];

/** The Coodesh permission list (catalog §2a `permissions`). */
export const permissions = [
  'list_jobs', 'manage_jobs', 'create_jobs', 'edit_jobs', 'delete_jobs', 'edit_partners', 'edit_followers',
  'list_assessments', 'manage_assessments', 'create_assessment', 'edit_assessments', 'delete_assessments',
  'list_attempts', 'manage_attempts', 'edit_attempts', 'delete_attempts', 'reopen_attempts',
  'read_question', 'manage_question', 'create_question', 'update_question', 'delete_question',
  'read_company', 'manage_company', 'create_company', 'update_company', 'delete_company',
  'read_user', 'manage_user', 'create_user', 'update_user', 'delete_user', 'manage_permission',
  'list_briefings', 'manage_briefings', 'create_jobs_from_briefings', 'view_talent_data', 'delete_others_briefings',
] as const;

export type Permission = (typeof permissions)[number];

const readOnly: Permission[] = ['list_jobs', 'list_assessments', 'list_attempts', 'read_question', 'read_company', 'list_briefings'];
const recruiting: Permission[] = [
  ...readOnly, 'manage_jobs', 'create_jobs', 'edit_jobs', 'edit_followers', 'manage_attempts', 'edit_attempts', 'reopen_attempts',
  'create_assessment', 'edit_assessments', 'create_question', 'update_question', 'read_user', 'view_talent_data',
  'manage_briefings', 'create_jobs_from_briefings',
];

/**
 * What each role may do before individual grants. A membership's own `permissions` add to this.
 * `user` is a candidate/employee taking assessments and holds no management permission.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  user: [],
  business: readOnly,
  hunter: recruiting,
  manager: [...recruiting, 'manage_assessments', 'delete_assessments', 'delete_attempts', 'manage_question', 'delete_question', 'manage_user', 'create_user', 'update_user'],
  admin: permissions,
};

export function effectivePermissions(role: Role, granted: readonly string[]): Set<Permission> {
  const set = new Set<Permission>(rolePermissions[role]);
  for (const p of granted) if ((permissions as readonly string[]).includes(p)) set.add(p as Permission);
  return set;
}

const labels: Record<string, Record<Role, string>> = {
  en: { user: 'User', business: 'Business', hunter: 'Hunter', manager: 'Manager', admin: 'Admin' },
  pt: { user: 'Usuário', business: 'Negócios', hunter: 'Hunter', manager: 'Gestor', admin: 'Administrador' },
  es: { user: 'Usuario', business: 'Negocios', hunter: 'Hunter', manager: 'Gerente', admin: 'Administrador' },
};

export function roleLabel(role: Role, language: string): string {
  return (labels[language] ?? labels.en)[role];
}
