// Cockpit offers its actions (cancel, suspend, modify, migrate, edit variables, retry, set job
// retries or priority, assign tasks, ...) to everyone who may open a view; auditors and business
// managers may use none of them (the engine refuses them with 403). So unless the logged-in user
// is an administrator (group camunda-admin), the body gets the class escalation-read-only and
// styles/user-styles.css hides those actions. The page starts without either class, and the CSS
// hides the actions until the user is known to be an administrator: it fails closed.
const base = location.pathname.split('/app/')[0];
let latest = 0;

async function currentUser() {
  const response = await fetch(base + '/api/admin/auth/user/default', { credentials: 'same-origin' });
  return response.ok ? (await response.json()).userId : null;
}

async function isAdministrator(userId) {
  const response = await fetch(base + '/api/engine/engine/default/identity/groups?userId=' + encodeURIComponent(userId),
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return false;
  }
  const answer = await response.json();
  return (answer.groups || []).some(group => group.id === 'camunda-admin');
}

async function mark() {
  const call = ++latest;
  const userId = await currentUser().catch(() => null);
  const admin = userId ? await isAdministrator(userId).catch(() => false) : false;
  if (call !== latest) {
    return; // a later look (e.g. just after logging in) answers instead
  }
  document.body.classList.toggle('escalation-may-act', admin);
  document.body.classList.toggle('escalation-read-only', !admin);
}

// Logging in or out changes the route: look again then.
window.addEventListener('hashchange', mark);
mark();
