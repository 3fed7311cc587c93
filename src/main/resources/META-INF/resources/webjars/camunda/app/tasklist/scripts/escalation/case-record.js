// "The case so far" above every task's form: the case as raised and each earlier task's record
// (who, when, what they entered, under their form's labels), so that a manager picking up stage 2
// need not ask what happened at stage 1. The engine keeps it in the case as caseRecord
// (uk.safeguarding.escalation.casefile.CaseRecord); it is read through the task, which its holder
// may read anyway. Everything is written with textContent: what staff typed is never markup.

const PANEL_CLASS = 'escalation-case-record';
const api = location.pathname.split('/app/')[0] + '/api/engine/engine/default';
const LONDON = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

function taskId() {
  const match = /[?&]task=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function getJson(path) {
  const response = await fetch(api + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function render(entries, task) {
  const panel = element('section', PANEL_CLASS);
  panel.setAttribute('aria-label', 'The case so far');
  panel.appendChild(element('h3', null, 'The case so far'));
  if (task && task.due) {
    panel.appendChild(element('p', 'escalation-case-record-now', 'This task is due by ' + LONDON.format(new Date(task.due)) + ' (UK time).'));
  }
  entries.forEach(entry => {
    const details = element('details', 'escalation-case-record-entry');
    details.open = true; // every earlier record is what the next person needs; each can be folded away
    const stage = entry.stage ? 'Stage ' + entry.stage + ' · ' : '';
    details.appendChild(element('summary', null, stage + entry.title + ' — ' + entry.by + ', ' + entry.at));
    const list = element('dl');
    (entry.lines || []).forEach(line => {
      list.appendChild(element('dt', null, line.label));
      list.appendChild(element('dd', null, line.value));
    });
    details.appendChild(list);
    panel.appendChild(details);
  });
  return panel;
}

let shownFor = null;
let loading = null;

async function show(container) {
  const id = taskId();
  const existing = document.querySelector('.' + PANEL_CLASS);
  if (existing && shownFor === id && existing.nextElementSibling === container) {
    return;
  }
  if (loading === id) {
    return;
  }
  loading = id;
  try {
    const [record, task] = await Promise.all([
      getJson('/task/' + encodeURIComponent(id) + '/variables/caseRecord?deserializeValue=false'),
      getJson('/task/' + encodeURIComponent(id))]);
    if (!record || !record.value || taskId() !== id || !container.isConnected) {
      return;
    }
    document.querySelectorAll('.' + PANEL_CLASS).forEach(panel => panel.remove());
    container.before(render(JSON.parse(record.value), task));
    shownFor = id;
  } finally {
    loading = null;
  }
}

function update() {
  const container = document.querySelector('.fjs-container');
  if (!container || container.closest('.modal') || !taskId()) {
    return; // a start form (no case yet) or no task open
  }
  show(container);
}

new MutationObserver(update).observe(document.documentElement, { childList: true, subtree: true });

export default [];
