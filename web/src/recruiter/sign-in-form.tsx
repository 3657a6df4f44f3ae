import { useState, type FormEvent } from 'react';
import { apiClient, type ResponseOf } from '../api/client';
import { useLanguage, useMessages } from '../i18n/i18n';
import { Button } from '../ui/button';
import { Notice } from '../ui/feedback';
import { recruiterMessages } from './messages';
import { errorText, saveSession } from './session';

type Workspaces = ResponseOf<'listMyWorkspaces'>['docs'];

/** Password sign-in, then the choice of a workspace when the account belongs to more than one. */
export function SignInForm() {
  const t = useMessages(recruiterMessages);
  const { language } = useLanguage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ token: string; userName: string; workspaces: Workspaces }>();
  const [choice, setChoice] = useState('');
  const [sso, setSso] = useState(false);

  // The e-mail's domain decides: a verified SAML provider offers single sign-on instead of the password.
  const lookUp = async () => {
    if (!email.includes('@')) return;
    const { data } = await apiClient({ language: () => language }).POST('/auth/connect', { body: { email } });
    setSso(data?.provider === 'saml');
  };
  const startSso = async () => {
    const { data, error: failed } = await apiClient({ language: () => language }).POST('/auth/saml', { body: { email } });
    if (data) window.location.assign(data.redirect_url);
    else setError(errorText(failed, t('signInFailed')));
  };

  const choose = (token: string, userName: string, workspace: Workspaces[number]) =>
    saveSession({ token, userName, workspaceId: workspace._id, workspaceName: workspace.name });

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const anonymous = apiClient({ language: () => language });
    const { data, error: failed } = await anonymous.POST('/auth/signin', { body: { email, password } });
    if (!data) {
      setBusy(false);
      setError(errorText(failed, t('signInFailed')));
      return;
    }
    const signed = apiClient({ language: () => language, headers: () => ({ authorization: `Bearer ${data.token}` }) });
    const listed = await signed.GET('/workspaces', { params: { query: { limit: 100 } } });
    setBusy(false);
    const workspaces = listed.data?.docs ?? [];
    if (workspaces.length === 0) setError(t('noWorkspace'));
    else if (workspaces.length === 1) choose(data.token, data.user.displayName, workspaces[0]);
    else {
      setPending({ token: data.token, userName: data.user.displayName, workspaces });
      setChoice(workspaces[0]._id);
    }
  };

  if (pending) {
    return (
      <form
        className="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          choose(pending.token, pending.userName, pending.workspaces.find((w) => w._id === choice)!);
        }}
      >
        <h1>{t('chooseWorkspace')}</h1>
        <label className="field">
          <span>{t('workspaceLabel')}</span>
          <select value={choice} onChange={(event) => setChoice(event.target.value)}>
            {pending.workspaces.map((workspace) => (
              <option key={workspace._id} value={workspace._id}>
                {workspace.name}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">{t('continue')}</Button>
      </form>
    );
  }
  return (
    <form className="stack narrow" onSubmit={(event) => void signIn(event)}>
      <h1>{t('signInTitle')}</h1>
      <p className="muted">{t('signInIntro')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      <label className="field">
        <span>{t('email')}</span>
        <input type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} onBlur={() => void lookUp()} />
      </label>
      {sso ? (
        <Button onClick={() => void startSso()}>{t('signInSso')}</Button>
      ) : (
        <>
          <label className="field">
            <span>{t('password')}</span>
            <input type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
          </label>
          <Button type="submit" disabled={busy}>
            {t('signIn')}
          </Button>
        </>
      )}
    </form>
  );
}
