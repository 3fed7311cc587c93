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
  const { box } = overlay('escalation-my-cases-dialog', 'Cases I raised');
  box.appendChild(element('h3', null, 'Cases I raised'));
  const status = element('p', 'escalation-my-cases-status', 'Loading…');
  box.appendChild(status);

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

// "Outcome": a case's written outcome, opened from the link in an outcome notification
// (…/app/tasklist/default/#/?escalation-outcome=<case id>; NotificationService.outcomeLink). Those
// told of an outcome often hold no task of the case; uk.safeguarding.escalation.tasklist.OutcomeResource
// answers them (and whoever may read the case anyway) and 404s everyone else.
const OUTCOME_PARAMETER = 'escalation-outcome';

function outcomeRequested() {
  const query = location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get(OUTCOME_PARAMETER);
}

function overlay(className, label) {
  document.querySelectorAll('.escalation-my-cases').forEach(dialog => dialog.remove());
  const dialog = element('div', 'escalation-my-cases ' + className);
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', label);
  const box = element('div', 'escalation-my-cases-box');
  const close = element('button', 'btn btn-default escalation-my-cases-close', 'Close');
  close.type = 'button';
  close.addEventListener('click', () => dialog.remove());
  dialog.addEventListener('keydown', event => event.key === 'Escape' && dialog.remove());
  box.appendChild(close);
  dialog.appendChild(box);
  document.body.appendChild(dialog);
  close.focus();
  return { dialog, box };
}

async function openOutcome(engine, caseId) {
  const { box } = overlay('escalation-outcome', 'Outcome of the case');
  box.appendChild(element('h3', null, 'Outcome of the case'));
  const status = element('p', 'escalation-outcome-status', 'Loading…');
  box.appendChild(status);
  const base = location.pathname.split('/app/')[0];
  const response = await fetch(base + '/api/tasklist/plugin/escalation/' + encodeURIComponent(engine) + '/outcome/'
    + encodeURIComponent(caseId), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 404) {
    status.textContent = 'There is no outcome of this case for you to read. It is shown to the people its notifications were sent to.';
    return;
  }
  if (!response.ok) {
    status.textContent = 'The outcome could not be loaded (' + response.status + '). Log in again and retry.';
    return;
  }
  const outcome = await response.json();
  box.querySelector('h3').textContent = 'Outcome of case ' + outcome.caseReference;
  status.textContent = 'Read-only: the outcome as recorded, sent to you as a party to the case.';
  const facts = element('dl', 'dl-horizontal escalation-outcome-facts');
  const fact = (label, value) => {
    if (value !== null && value !== undefined && value !== '') {
      facts.appendChild(element('dt', null, label));
      facts.appendChild(element('dd', null, value));
    }
  };
  fact('Case', outcome.caseReference);
  fact('Protocol', outcome.protocol);
  // A resolved case may stay open for its follow-up steps (e.g. learning for the board).
  fact('State', outcome.resolvedAtStage !== null && outcome.state === 'Open'
    ? 'Resolved (follow-up steps still open)' : outcome.state);
  fact('Resolved at stage', outcome.resolvedAtStage === null ? '' : String(outcome.resolvedAtStage));
  fact(outcome.resolvedAtStage === null ? 'Current stage' : 'Last stage',
    outcome.currentStage === null ? '' : String(outcome.currentStage));
  fact('Raised', when(outcome.started));
  fact('Resolved', when(outcome.resolved));
  fact('Closed', when(outcome.ended));
  box.appendChild(facts);
  if (!outcome.outcome) {
    box.appendChild(element('p', 'escalation-outcome-none', 'No outcome has been recorded yet: the case is still being escalated.'));
    return;
  }
  const record = element('section', 'escalation-outcome-record');
  record.appendChild(element('h4', null, outcome.outcome.title));
  record.appendChild(element('p', 'text-muted', 'Recorded by ' + outcome.outcome.by + ' on ' + outcome.outcome.at
    + (outcome.outcome.stage === null ? '' : ' (stage ' + outcome.outcome.stage + ')')));
  const lines = element('dl', 'escalation-outcome-lines');
  (outcome.outcome.lines || []).forEach(line => {
    lines.appendChild(element('dt', null, line.label));
    lines.appendChild(element('dd', null, line.value));
  });
  record.appendChild(lines);
  box.appendChild(record);
}

let shownOutcome = null;
let listening = false;

// Opens the outcome the address asks for, once per address, and only for a logged-in user: a tab
// whose session has ended is about to show Tasklist's login, which brings the address back after.
async function showRequestedOutcome(engine) {
  const caseId = outcomeRequested();
  if (!caseId || location.hash.startsWith('#/login')) {
    shownOutcome = null;
    document.querySelectorAll('.escalation-outcome').forEach(dialog => dialog.remove());
    return;
  }
  if (caseId === shownOutcome) {
    return;
  }
  const base = location.pathname.split('/app/')[0];
  const me = await fetch(base + '/api/admin/auth/user/' + encodeURIComponent(engine), { credentials: 'same-origin' })
    .catch(() => null);
  if (!me || !me.ok || outcomeRequested() !== caseId || caseId === shownOutcome || location.hash.startsWith('#/login')) {
    return;
  }
  shownOutcome = caseId;
  openOutcome(engine, caseId);
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
    // The navbar renders once logged in: open an outcome the address asks for, now and on later changes.
    showRequestedOutcome(engine);
    if (!listening) { // the navbar renders again after each login: one listener is enough
      listening = true;
      window.addEventListener('hashchange', () => showRequestedOutcome(engine));
    }
  }
}];
