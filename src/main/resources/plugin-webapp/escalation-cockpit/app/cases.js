// Cockpit › Cases: every case of the reader's partnership(s), running and finished, filtered,
// sorted and paged on the server; each row opens the case's history; CSV of the same filter.
import { endpoints, getJson, el, ukDateTime, query, words } from './common.js';

const PAGE = 50;
const CATEGORIES = ['thresholds', 'assessment-outcome', 'decision-making', 'roles-responsibilities', 'service-provision',
  'information-sharing', 'case-management', 'other'];
const COLUMNS = [
  ['caseReference', 'Case reference'], ['protocol', 'Protocol'], ['state', 'State'], ['stage', 'Stage reached'],
  ['openedAt', 'Opened'], ['closedAt', 'Closed'], ['raisingAgency', 'Raised by'], ['receivingAgency', 'With'],
  ['category', 'Category'], ['riskLevel', 'Risk'], ['breaches', 'Deadlines missed'], ['workingDays', 'Working days'],
];

function render(node, api) {
  const base = endpoints(api);
  const state = { filter: {}, sort: 'openedAt', order: 'desc', first: 0, options: { protocols: [], states: [] } };
  const message = el('p', { class: 'escalation-message', role: 'status' });
  const total = el('p', { class: 'escalation-cases-total' });
  const table = el('table', { class: 'table table-striped escalation-cases-table' });
  const csv = el('a', { class: 'btn btn-default escalation-cases-csv', download: 'cases.csv' }, 'Download CSV');
  const prev = el('button', { type: 'button', class: 'btn btn-default', onclick: () => { state.first = Math.max(0, state.first - PAGE); load(); } }, '‹ Previous');
  const next = el('button', { type: 'button', class: 'btn btn-default', onclick: () => { state.first += PAGE; load(); } }, 'Next ›');
  const form = el('form', { class: 'escalation-filters form-inline', onsubmit: (e) => { e.preventDefault(); apply(); } });

  function field(label, input) {
    return el('label', { class: 'escalation-filter' }, el('span', {}, label), input);
  }
  function select(name, choices) {
    return el('select', { name, class: 'form-control input-sm' }, el('option', { value: '' }, 'Any'),
      choices.map(([value, text]) => el('option', { value }, text)));
  }
  function agencies() {
    const seen = new Map();
    state.options.protocols.forEach((p) => p.agencies.forEach((a) => seen.set(a.code, a.name)));
    return [...seen.entries()];
  }
  function buildForm() {
    form.replaceChildren(
      field('Protocol', select('protocol', state.options.protocols.map((p) => [p.code, p.name]))),
      field('State', select('state', state.options.states.map((s) => [s.code, s.name]))),
      field('Stage reached', select('stage', [1, 2, 3, 4, 5].map((n) => [String(n), `Stage ${n}`]))),
      field('Opened from', el('input', { type: 'date', name: 'openedFrom', class: 'form-control input-sm' })),
      field('to', el('input', { type: 'date', name: 'openedTo', class: 'form-control input-sm' })),
      field('Closed from', el('input', { type: 'date', name: 'closedFrom', class: 'form-control input-sm' })),
      field('to', el('input', { type: 'date', name: 'closedTo', class: 'form-control input-sm' })),
      field('Raised by', select('raisingAgency', agencies())),
      field('With', select('receivingAgency', agencies())),
      field('Category', select('category', CATEGORIES.map((c) => [c, words(c)]))),
      field('Risk', select('riskLevel', [['standard', 'Standard'], ['significant-harm', 'Significant harm'], ['immediate', 'Immediate']])),
      field('Deadline missed', select('breached', [['true', 'Yes'], ['false', 'No']])),
      el('button', { type: 'submit', class: 'btn btn-primary btn-sm escalation-filter-apply' }, 'Show cases'));
  }
  function apply() {
    const values = {};
    new FormData(form).forEach((v, k) => { if (v) values[k] = v; });
    state.filter = values;
    state.first = 0;
    load();
  }
  function header() {
    return el('thead', {}, el('tr', {}, COLUMNS.map(([key, label]) => {
      const active = state.sort === key;
      const arrow = active ? (state.order === 'asc' ? ' ▲' : ' ▼') : '';
      return el('th', {}, el('a', { href: '', 'data-sort': key, onclick: (e) => {
        e.preventDefault();
        state.order = active && state.order === 'asc' ? 'desc' : 'asc';
        state.sort = key;
        state.first = 0;
        load();
      } }, label + arrow));
    })));
  }
  function row(c) {
    const stage = c.highestStage == null ? '' : `${c.highestStage}${c.resolvedAtStage ? ' (resolved)' : ''}`;
    return el('tr', { 'data-case-id': c.id, class: c.breaches > 0 ? 'escalation-row-breached' : '' },
      el('td', {}, el('a', { href: `#/escalation/case/${encodeURIComponent(c.id)}`, class: 'escalation-case-link' }, c.caseReference || '(no reference)')),
      el('td', {}, c.protocol), el('td', {}, c.stateLabel), el('td', {}, stage),
      el('td', {}, ukDateTime(c.openedAt)), el('td', {}, ukDateTime(c.closedAt)),
      el('td', {}, c.raisingAgencyName || ''), el('td', {}, c.receivingAgencyName || ''),
      el('td', {}, c.categoryLabel || ''), el('td', {}, words(c.riskLevel)),
      el('td', { class: c.breaches > 0 ? 'escalation-breached' : '' }, String(c.breaches)),
      el('td', {}, c.workingDaysToResolution == null ? '' : String(c.workingDaysToResolution)));
  }
  async function load() {
    const filter = query({ ...state.filter });
    const params = query({ ...state.filter, sort: state.sort, order: state.order, firstResult: state.first, maxResults: PAGE });
    csv.setAttribute('href', `${base}/cases/csv${filter}`);
    message.textContent = 'Loading…';
    try {
      const page = await getJson(`${base}/cases${params}`);
      const last = Math.min(state.first + page.cases.length, page.total);
      total.textContent = page.total === 0 ? 'No cases match.' : `Cases ${state.first + 1}–${last} of ${page.total}`;
      table.replaceChildren(header(), el('tbody', {}, page.cases.map(row)));
      prev.disabled = state.first === 0;
      next.disabled = last >= page.total;
      message.textContent = '';
    } catch (e) {
      message.textContent = e.message;
    }
  }

  node.replaceChildren(el('section', { class: 'escalation-cases' },
    el('h2', {}, 'Cases'),
    el('p', { class: 'help-block' }, 'Every case of your partnership, open and finished. Open a case for its history; the CSV holds the cases the filters show (no names, no dispute text). Dates and times are UK time.'),
    form, el('div', { class: 'escalation-toolbar' }, total, csv), message, table, el('div', { class: 'escalation-pager' }, prev, next)));
  getJson(`${base}/cases/options`).then((options) => { state.options = options; buildForm(); }).catch((e) => { message.textContent = e.message; });
  buildForm();
  load();
}

export default [
  {
    id: 'escalation.cases.route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/escalation/cases' },
    render: (node, api) => render(node, api),
  },
  {
    id: 'escalation.cases.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 60,
    properties: { path: '/escalation/cases' },
    render: (node) => { node.innerHTML = '<a href="#/escalation/cases">Cases</a>'; },
  },
];
