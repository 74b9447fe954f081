// Sign-in for the map and the cab: through the terminal's identity provider when PortOps is configured with one
// (the server runs the authorization-code flow and comes back here with the session cookie set), or by pasting the
// token the provider (or `portops token`) gave them; the server verifies it with the vessel API's auth and keeps it in an HttpOnly cookie, which the page's
// requests and its EventSource then carry. The server checks the roles on every request; the page only uses the
// permissions to leave out controls that would be refused anyway.
import '../session.css';
import { escapeHtml } from './http';

export interface Session { subject: string; roles: string[]; machine: string | null; permissions: string[] }

/** The signed-in caller, or null when nobody is (or the token expired). */
export async function currentSession(): Promise<Session | null> {
  const response = await fetch('/api/map/session', { headers: { accept: 'application/json' } });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`session: ${response.status}`);
  return response.json() as Promise<Session>;
}

async function signIn(token: string): Promise<Session> {
  const response = await fetch('/api/map/session', {
    method: 'POST', headers: { authorization: `Bearer ${token.trim()}`, accept: 'application/json' },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `refused (${response.status})`);
  return body as Session;
}

export async function signOut(): Promise<void> {
  await fetch('/api/map/session', { method: 'DELETE' });
  location.reload();
}

interface SignInMethods { token: boolean; provider: boolean }

async function signInMethods(): Promise<SignInMethods> {
  const response = await fetch('/api/map/sign-in/methods', { headers: { accept: 'application/json' } });
  return response.ok ? response.json() as Promise<SignInMethods> : { token: true, provider: false };
}

/** Why the last sign-in through the provider failed, taken off the address so a reload does not show it again. */
function providerError(): string {
  const url = new URL(location.href);
  const error = url.searchParams.get('sign_in_error');
  if (error === null) return '';
  url.searchParams.delete('sign_in_error');
  history.replaceState(null, '', url.pathname + url.search + url.hash);
  return error;
}

/** The session, after showing the sign-in form when there is none. */
export async function signedIn(what: string): Promise<Session> {
  const session = await currentSession();
  if (session) return session;
  const methods = await signInMethods();
  const error = providerError();
  return new Promise((resolve) => {
    const box = document.createElement('form');
    box.id = 'sign-in';
    const back = encodeURIComponent(location.pathname + location.search);
    box.innerHTML = `<h1>Sign in to ${escapeHtml(what)}</h1>
      ${methods.provider ? `<a id="sign-in-provider" class="button" href="/api/map/sign-in?return=${back}">
        Sign in with the terminal's sign-in</a><p>or paste a token:</p>` : ''}
      <label for="token">Your access token</label>
      <textarea id="token" rows="5" spellcheck="false" autocomplete="off"
        placeholder="from your identity provider, or: ./portops token --role operator --subject you"></textarea>
      <button id="sign-in-button" type="submit">Sign in</button>
      <p id="sign-in-error" role="alert"></p>`;
    (box.querySelector('#sign-in-error') as HTMLElement).textContent = error;
    document.body.append(box);
    box.addEventListener('submit', (e) => {
      e.preventDefault();
      const token = (box.querySelector('#token') as HTMLTextAreaElement).value;
      signIn(token).then((s) => { box.remove(); resolve(s); })
        .catch((err) => { (box.querySelector('#sign-in-error') as HTMLElement).textContent = String(err.message ?? err); });
    });
  });
}

/** The signed-in person in a page's header, with a sign-out button. */
export function showUser(into: HTMLElement, session: Session): void {
  into.innerHTML = `<span id="user" data-subject="${escapeHtml(session.subject)}">${escapeHtml(session.subject)}
    <small>${session.roles.map(escapeHtml).join(', ')}</small></span> <button id="sign-out" type="button">Sign out</button>`;
  into.querySelector('#sign-out')!.addEventListener('click', () => void signOut());
}
