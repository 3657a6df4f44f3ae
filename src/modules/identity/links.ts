/**
 * Where e-mailed links point: pages of the web app at config.appUrl, which read the token from
 * the path and call the matching /auth API route.
 */
function join(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, '')}${path}`;
}

export const resetLink = (appUrl: string, token: string) => join(appUrl, `/auth/reset/${encodeURIComponent(token)}`);
export const confirmationLink = (appUrl: string, token: string) => join(appUrl, `/auth/confirmation/${encodeURIComponent(token)}`);
export const inviteLink = (appUrl: string, token: string) => join(appUrl, `/auth/invite/${encodeURIComponent(token)}`);
export const signInLink = (appUrl: string) => join(appUrl, '/auth/signin');
