// "My cases" in Tasklist's header: the cases the logged-in practitioner raised, where each is now,
// with whom, by when and how it ended (uk.safeguarding.escalation.tasklist.MyCasesResource).
// A case leaves the raiser's task list once it moves up a stage; this is how they follow it.
// Read-only; everything is written with textContent.

const LONDON = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit',
  minute: '2-digit', timeZone: 'Europe/London' });
const COLUMNS = ['Case', 'Protocol', 'Raised', 'Stage', 'Now with', 'Due', 'Outcome'];

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

function when(value) {
  return value ? LONDON.format(new Date(value)) : '';
}

function row(raised) {
  const tr = element('tr');
  [raised.caseReference, raised.process, when(raised.started), raised.stage === null ? '' : String(raised.stage),
    raised.state === 'Open' ? raised.with.join(', ') + (raised.openTasks.length ? ' (' + raised.openTasks.join('; ') + ')' : '') : '',
    raised.state === 'Open' ? when(raised.due) : '',
    raised.outcome || raised.state].forEach(text => tr.appendChild(element('td', null, text)));
  return tr;
}

async function open(engine) {
  document.querySelectorAll('.escalation-my-cases').forEach(dialog => dialog.remove());
  const dialog = element('div', 'escalation-my-cases');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', 'Cases I raised');
  const box = element('div', 'escalation-my-cases-box');
  const close = element('button', 'btn btn-default escalation-my-cases-close', 'Close');
  close.type = 'button';
  close.addEventListener('click', () => dialog.remove());
  dialog.addEventListener('keydown', event => event.key === 'Escape' && dialog.remove());
  box.appendChild(close);
  box.appendChild(element('h3', null, 'Cases I raised'));
  const status = element('p', 'escalation-my-cases-status', 'Loading…');
  box.appendChild(status);
  dialog.appendChild(box);
  document.body.appendChild(dialog);
  close.focus();

  const base = location.pathname.split('/app/')[0];
  const response = await fetch(base + '/api/tasklist/plugin/escalation/' + encodeURIComponent(engine) + '/my-cases',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    status.textContent = 'Your cases could not be loaded (' + response.status + '). Log in again and retry.';
    return;
  }
  const cases = await response.json();
  if (!cases.length) {
    status.textContent = 'You have not raised any case.';
    return;
  }
  status.textContent = 'Newest first. Stage, whom the case is with now and its deadline; read-only.';
  const table = element('table', 'table table-condensed escalation-my-cases-table');
  const head = element('tr');
  COLUMNS.forEach(name => head.appendChild(element('th', null, name)));
  table.appendChild(element('thead')).appendChild(head);
  const body = table.appendChild(element('tbody'));
  cases.forEach(raised => body.appendChild(row(raised)));
  box.appendChild(table);
}

export default [{
  id: 'escalation.myCases',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (node, context) => {
    const engine = (context && context.api && context.api.engine) || 'default';
    const link = element('a', 'escalation-my-cases-link');
    link.href = '';
    link.appendChild(element('span', 'glyphicon glyphicon-folder-open'));
    link.appendChild(document.createTextNode(' My cases'));
    link.addEventListener('click', event => {
      event.preventDefault();
      open(engine);
    });
    node.appendChild(link);
  }
}];
