// Sign-in for the map and the cab: the person pastes the token their identity provider (or `portops token`) gave
// them; the server verifies it with the vessel API's auth and keeps it in an HttpOnly cookie, which the page's
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

/** The session, after showing the sign-in form when there is none. */
export async function signedIn(what: string): Promise<Session> {
  const session = await currentSession();
  if (session) return session;
  return new Promise((resolve) => {
    const box = document.createElement('form');
    box.id = 'sign-in';
    box.innerHTML = `<h1>Sign in to ${escapeHtml(what)}</h1>
      <label for="token">Your access token</label>
      <textarea id="token" rows="5" spellcheck="false" autocomplete="off"
        placeholder="from your identity provider, or: ./portops token --role operator --subject you"></textarea>
      <button id="sign-in-button" type="submit">Sign in</button>
      <p id="sign-in-error" role="alert"></p>`;
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
