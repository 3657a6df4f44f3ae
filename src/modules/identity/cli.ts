import type { CliCommand } from '../../cli/command.js';
import { CliError } from '../../cli/command.js';
import { withDatabase } from '../../cli/with-database.js';
import { createApiKeyFromCli } from './create-api-key-from-cli.js';
import { grantSuperAdmin, revokeSuperAdmin } from './super-admins.js';

export const createApiKeyCommand: CliCommand = {
  name: 'create-api-key',
  summary: 'Create an API key (on an empty database, with its first workspace)',
  description:
    'Creates an API key for a workspace and prints it once, as the last line (only its hash is stored). ' +
    'On a database without workspaces, leave out --workspace: it creates the first one and prints its id first. ' +
    'With the embedded database, stop the server first.',
  options: [
    { flags: '--workspace <id>', description: 'the workspace of the key (required once the database has workspaces)' },
    { flags: '--name <name>', description: 'what the key is for, shown in key lists (default "CLI key")' },
    { flags: '--workspace-name <name>', description: 'name of the first workspace, on an empty database (default "Default workspace")' },
  ],
  async run({ options, print }) {
    const result = await withDatabase((db) =>
      createApiKeyFromCli(db, {
        workspaceId: options.workspace,
        name: options.name?.trim() || 'CLI key',
        workspaceName: options.workspaceName?.trim() || 'Default workspace',
      }),
    );
    if (result.kind === 'workspace_required') {
      const more = result.total > result.listed.length ? [`… and ${result.total - result.listed.length} more`] : [];
      throw new CliError(
        `this database has ${result.total} workspace${result.total === 1 ? '' : 's'}: pass --workspace <id>`,
        [...result.listed.map((workspace) => `${workspace.id}  ${workspace.name}`), ...more],
      );
    }
    if (result.createdWorkspace) print(`workspace ${result.createdWorkspace.id} (${result.createdWorkspace.name})`);
    print(result.key);
  },
};

export const grantSuperAdminCommand: CliCommand = {
  name: 'grant-super-admin',
  summary: "Make an account the instance's super admin",
  description:
    'Super admins may grant credits, share datasets with every workspace and verify SAML domains without DNS. ' +
    'The account must exist (sign up first). Applies to its live sessions at once. With the embedded database, stop the server first.',
  arguments: [{ name: '<email>', description: "the account's e-mail" }],
  async run({ args: [email], print }) {
    const change = await withDatabase((db) => grantSuperAdmin(db, email));
    print(change.changed ? `${change.email} is now a super admin` : `${change.email} already was a super admin`);
  },
};

export const revokeSuperAdminCommand: CliCommand = {
  name: 'revoke-super-admin',
  summary: 'Take the super admin role from an account',
  description: 'Applies to its live sessions at once. With the embedded database, stop the server first.',
  arguments: [{ name: '<email>', description: "the account's e-mail" }],
  async run({ args: [email], print }) {
    const change = await withDatabase((db) => revokeSuperAdmin(db, email));
    print(change.changed ? `${change.email} is no longer a super admin` : `${change.email} was not a super admin`);
  },
};

export const identityCommands: CliCommand[] = [createApiKeyCommand, grantSuperAdminCommand, revokeSuperAdminCommand];
