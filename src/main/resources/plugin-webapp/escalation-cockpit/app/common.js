// Shared by the escalation Cockpit pages: where the plugin's endpoints are, reading them with the
// Cockpit session, and writing values as text (never as HTML).
export function endpoints(api) {
  const cockpitApi = (api && api.cockpitApi) || '/camunda/api/cockpit';
  const engine = (api && api.engine) || 'default';
  return `${cockpitApi}/plugin/escalation/${encodeURIComponent(engine)}`;
}

export async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.message ? body.message : `The server answered ${response.status}.`;
    throw new Error(message);
  }
  return body;
}

export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  });
  children.flat().forEach((child) => {
    if (child === undefined || child === null) return;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  });
  return node;
}

// Dates as people in England read them, in UK time whatever the browser's zone.
const UK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
});
export function ukDateTime(iso) {
  return iso ? UK.format(new Date(iso)) : '';
}

export function query(values) {
  const params = new URLSearchParams();
  Object.entries(values).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') params.set(k, v);
  });
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function words(code) {
  if (!code) return '';
  const s = String(code).replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
