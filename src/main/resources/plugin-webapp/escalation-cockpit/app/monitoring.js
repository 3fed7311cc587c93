// Cockpit › Monitoring: the figures the procedures ask boards to watch, per partnership or across
// all the reader may see, as plain bars and tables; CSV of the figures. Counts only.
import { endpoints, getJson, el, query, words } from './common.js';

// as the Cases list names them (CaseState)
const STATES = { running: 'Open', resolved: 'Resolved', closed: 'Closed unresolved', cancelled: 'Cancelled' };

function bars(title, items, cls) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return el('div', { class: `escalation-figure ${cls || ''}` }, el('h3', {}, title),
    items.length === 0 ? el('p', { class: 'text-muted' }, 'None yet.') :
      el('table', { class: 'escalation-bars' }, el('tbody', {}, items.map((i) => el('tr', {},
        el('th', {}, i.label),
        el('td', { class: 'escalation-bar-cell' }, el('span', { class: 'escalation-bar', style: `width:${Math.round((i.count / max) * 100)}%` })),
        el('td', { class: 'escalation-count' }, String(i.count)))))));
}

function render(node, api) {
  const base = endpoints(api);
  const state = { protocol: '', openedFrom: '', openedTo: '' };
  const body = el('div', { class: 'escalation-figures' });
  const message = el('p', { class: 'escalation-message', role: 'status' });
  const csv = el('a', { class: 'btn btn-default escalation-monitoring-csv', download: 'monitoring.csv' }, 'Download CSV');
  const protocol = el('select', { class: 'form-control input-sm', name: 'protocol' });
  const from = el('input', { type: 'date', class: 'form-control input-sm', name: 'openedFrom' });
  const to = el('input', { type: 'date', class: 'form-control input-sm', name: 'openedTo' });
  const form = el('form', { class: 'escalation-filters form-inline', onsubmit: (e) => {
    e.preventDefault();
    state.protocol = protocol.value; state.openedFrom = from.value; state.openedTo = to.value;
    load();
  } },
  el('label', { class: 'escalation-filter' }, el('span', {}, 'Partnership'), protocol),
  el('label', { class: 'escalation-filter' }, el('span', {}, 'Opened from'), from),
  el('label', { class: 'escalation-filter' }, el('span', {}, 'to'), to),
  el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, 'Show figures'));

  function name(protocols, key) {
    const p = protocols.find((x) => x.key === key);
    return p ? p.code.toUpperCase() : key;
  }
  function show(data) {
    const f = data.figures;
    const protocols = data.protocols;
    if (protocol.options.length === 0) {
      protocol.replaceChildren(el('option', { value: '' }, protocols.length > 1 ? 'All my partnerships' : 'All'),
        protocols.map((p) => el('option', { value: p.code }, p.name)));
    }
    const agencyName = (code) => {
      for (const p of protocols) { const a = p.agencies.find((x) => x.code === code); if (a) return a.name; }
      return code || '(none)';
    };
    const states = f.byState.map((s) => ({ label: STATES[s.key] || words(s.key), count: s.count }));
    const pairs = f.agencies;
    const raising = [...new Set(pairs.map((p) => p.raising))];
    const receiving = [...new Set(pairs.map((p) => p.receiving))];
    const cell = (r, c) => { const p = pairs.find((x) => x.raising === r && x.receiving === c); return p ? String(p.count) : ''; };
    body.replaceChildren(
      el('div', { class: 'escalation-headline' },
        el('div', { class: 'escalation-total' }, el('strong', {}, String(f.total)), ' cases'),
        el('div', {}, el('strong', {}, String(f.learningReferred)), ' with learning referred'),
        el('div', {}, el('strong', {}, String(f.topLevel.reduce((n, t) => n + t.count, 0))),
          ` reached stage ${data.topLevelStage} or above (panel, scrutineer, chief officers, board)`)),
      el('div', { class: 'escalation-figure escalation-resolution' }, el('h3', {}, 'Time to resolution (working days)'),
        f.timeToResolution.length === 0 ? el('p', { class: 'text-muted' }, 'No resolved cases yet.') :
          el('table', { class: 'table table-condensed' }, el('thead', {}, el('tr', {}, el('th', {}, 'Protocol'), el('th', {}, 'Resolved cases'), el('th', {}, 'Median'), el('th', {}, '90th percentile'))),
            el('tbody', {}, f.timeToResolution.map((r) => el('tr', {}, el('td', {}, name(protocols, r.processKey)),
              el('td', {}, String(r.resolvedCases)), el('td', {}, String(r.medianWorkingDays)), el('td', {}, String(r.p90WorkingDays)))))))
      ,
      bars('Cases by state', states, 'escalation-states'),
      bars('Stage at which resolved', f.resolvedAtStage.map((s) => ({ label: `${name(protocols, s.processKey)} stage ${s.stage}`, count: s.count }))),
      bars('Highest stage reached', f.stageReached.map((s) => ({ label: `${name(protocols, s.processKey)} stage ${s.stage}`, count: s.count }))),
      bars('Deadlines missed, by stage', f.breachesPerStage.map((s) => ({ label: `${name(protocols, s.processKey)} stage ${s.stage == null ? '?' : s.stage}`, count: s.count })), 'escalation-breaches'),
      bars('Disagreement category', f.categories.map((c) => ({ label: words(c.key) || '(none)', count: c.count }))),
      bars('Risk level', f.riskLevels.map((c) => ({ label: words(c.key) || '(none)', count: c.count }))),
      el('div', { class: 'escalation-figure escalation-agencies' }, el('h3', {}, 'Raised by (rows) × with (columns)'),
        pairs.length === 0 ? el('p', { class: 'text-muted' }, 'None yet.') :
          el('table', { class: 'table table-condensed table-bordered' },
            el('thead', {}, el('tr', {}, el('th', {}, ''), receiving.map((c) => el('th', {}, agencyName(c))))),
            el('tbody', {}, raising.map((r) => el('tr', {}, el('th', {}, agencyName(r)), receiving.map((c) => el('td', {}, cell(r, c)))))))),
      el('div', { class: 'escalation-figure escalation-quarters' }, el('h3', {}, 'By quarter'),
        el('table', { class: 'table table-condensed' },
          el('thead', {}, el('tr', {}, el('th', {}, 'Quarter'), el('th', {}, 'Opened'), el('th', {}, 'Resolved'), el('th', {}, 'Deadlines missed'))),
          el('tbody', {}, f.quarters.map((q) => el('tr', {}, el('td', {}, q.quarter), el('td', {}, String(q.opened)), el('td', {}, String(q.resolved)), el('td', {}, String(q.breaches))))))));
  }
  async function load() {
    const params = query(state);
    csv.setAttribute('href', `${base}/monitoring/csv${params}`);
    message.textContent = 'Loading…';
    try {
      show(await getJson(`${base}/monitoring${params}`));
      message.textContent = '';
    } catch (e) {
      message.textContent = e.message;
    }
  }
  node.replaceChildren(el('section', { class: 'escalation-monitoring' }, el('h2', {}, 'Board monitoring'),
    el('p', { class: 'help-block' }, 'What the procedures ask boards to watch. Counts and working days only: no names, no dispute text.'),
    form, el('div', { class: 'escalation-toolbar' }, csv), message, body));
  load();
}

function dashboard(node, api) {
  const base = endpoints(api);
  const box = el('div', { class: 'escalation-dashboard' }, el('h3', {}, 'Escalations'), el('p', {}, 'Loading…'));
  node.replaceChildren(box);
  getJson(`${base}/monitoring`).then((data) => {
    const f = data.figures;
    const open = (f.byState.find((s) => s.key === 'running') || { count: 0 }).count;
    const missed = f.breachesPerStage.reduce((n, s) => n + s.count, 0);
    box.replaceChildren(el('h3', {}, 'Escalations'),
      el('p', {}, `${f.total} cases, ${open} open; ${missed} deadlines missed.`),
      el('p', {}, el('a', { href: '#/escalation/cases' }, 'Cases'), ' · ', el('a', { href: '#/escalation/monitoring' }, 'Board monitoring')));
  }).catch(() => box.remove());
}

export default [
  {
    id: 'escalation.monitoring.route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/escalation/monitoring' },
    render: (node, api) => render(node, api),
  },
  {
    id: 'escalation.monitoring.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 55,
    properties: { path: '/escalation/monitoring' },
    render: (node) => { node.innerHTML = '<a href="#/escalation/monitoring">Monitoring</a>'; },
  },
  {
    id: 'escalation.monitoring.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, api) => dashboard(node, api),
  },
];
