// A case's history in Cockpit (#/escalation/case/<processInstanceId>), for auditors, business
// managers and administrators: its diagram with the path taken and breached deadlines marked, the
// stages (who, when, outcome, due, late), each stage's record, the notifications sent and the user
// operation log. Cockpit CE shows running instances only; this reads finished ones too, from
// uk.safeguarding.escalation.cockpit.CaseHistoryResource, which answers 404 for a case the user may
// not read. Everything from the server is written with textContent or SVG text nodes, never as markup.
// Class names .escalation-case-history, .escalation-timeline and .escalation-breach are what tests use.

const LONDON = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const SVG = 'http://www.w3.org/2000/svg';
const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const BPMNDI = 'http://www.omg.org/spec/BPMN/20100524/DI';
const DC = 'http://www.omg.org/spec/DD/20100524/DC';
const DI = 'http://www.omg.org/spec/DD/20100524/DI';

// Cockpit has no stylesheet of this plugin's own; a <style> element is allowed by its CSP (style-src 'unsafe-inline').
const STYLE = `
.escalation-case-history { padding: 15px 20px; }
.escalation-case-history h2 { margin-top: 0; }
.escalation-case-history section { margin-bottom: 25px; }
.escalation-case-history .escalation-summary { color: #555; }
.escalation-diagram { border: 1px solid #ddd; background: #fff; overflow: auto; max-height: 520px; }
.escalation-diagram svg { display: block; }
.escalation-diagram .shape { fill: #fff; stroke: #999; stroke-width: 1.5; }
.escalation-diagram .edge { fill: none; stroke: #bbb; stroke-width: 1.5; }
.escalation-diagram .label { font: 11px sans-serif; fill: #777; }
.escalation-diagram .ran .shape { fill: #e6f4ea; stroke: #2e7d32; stroke-width: 2.5; }
.escalation-diagram .ran .label { fill: #222; }
.escalation-diagram .edge.ran { stroke: #2e7d32; stroke-width: 2.5; }
.escalation-diagram .running .shape { fill: #e3f2fd; stroke: #1565c0; }
.escalation-diagram .escalation-diagram-breach .shape { fill: #fdecea; stroke: #c62828; stroke-width: 3; }
.escalation-legend span { display: inline-block; margin-right: 15px; }
.escalation-legend i { display: inline-block; width: 14px; height: 14px; margin-right: 4px; vertical-align: middle; border: 2px solid; }
.escalation-timeline td, .escalation-timeline th { vertical-align: top; }
.escalation-badge { display: inline-block; padding: 1px 6px; margin: 2px 4px 2px 0; border-radius: 3px; font-size: 11px; color: #fff; }
.escalation-breach { background: #c62828; }
.escalation-late { background: #ef6c00; }
.escalation-open { background: #1565c0; }
.escalation-record dt { font-weight: normal; color: #666; }
.escalation-record dd { margin: 0 0 6px 0; white-space: pre-wrap; }
`;

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

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, String(value)));
  return node;
}

function when(value) {
  return value ? LONDON.format(new Date(value)) : '';
}

function person(who) {
  return who ? who.name + (who.name !== who.id ? ' (' + who.id + ')' : '') : '';
}

function words(code) {
  return code ? code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ') : '';
}

function addStyle() {
  if (!document.getElementById('escalation-case-history-style')) {
    const style = element('style', null, STYLE);
    style.id = 'escalation-case-history-style';
    document.head.appendChild(style);
  }
}

function table(className, columns, rows) {
  const result = element('table', 'table table-condensed ' + className);
  const head = element('tr');
  columns.forEach(name => head.appendChild(element('th', null, name)));
  result.appendChild(element('thead')).appendChild(head);
  const body = result.appendChild(element('tbody'));
  rows.forEach(cells => {
    const tr = body.appendChild(element('tr'));
    cells.forEach(cell => tr.appendChild(cell instanceof Node ? wrap(cell) : element('td', null, cell)));
  });
  return result;
}

function wrap(node) {
  const td = element('td');
  td.appendChild(node);
  return td;
}

function caseUrl(api, id) {
  const base = (api && api.cockpitApi) || location.pathname.split('/app/')[0] + '/api/cockpit';
  const engine = (api && api.engine) || 'default';
  return base + '/plugin/escalation/' + encodeURIComponent(engine) + '/case-history/' + encodeURIComponent(id);
}

async function load(api, id) {
  const response = await fetch(caseUrl(api, id), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 404) {
    throw new Error('There is no case with this id that you may read.');
  }
  if (!response.ok) {
    throw new Error('The case could not be loaded (' + response.status + '). Log in again and retry.');
  }
  return response.json();
}

// --- the diagram: BPMN DI drawn as SVG (shapes, edges, names), path taken and breaches marked ---

function modelElements(xml) {
  const byId = {};
  const walk = node => {
    Array.from(node.children).forEach(child => {
      if (child.namespaceURI === BPMN && child.getAttribute('id')) {
        byId[child.getAttribute('id')] = child;
      }
      walk(child);
    });
  };
  walk(xml.documentElement);
  return byId;
}

function wrapText(text, width) {
  const max = Math.max(6, Math.floor(width / 6.2));
  const lines = [];
  let line = '';
  (text || '').split(/\s+/).filter(Boolean).forEach(word => {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? line + ' ' + word : word;
    }
  });
  if (line) {
    lines.push(line);
  }
  return lines;
}

function label(group, text, x, y, width, centreVertically) {
  const lines = wrapText(text, width);
  const start = centreVertically ? y - (lines.length - 1) * 6.5 : y;
  lines.forEach((line, i) => {
    const t = svg('text', { x, y: start + i * 13, 'text-anchor': 'middle', 'dominant-baseline': 'middle', class: 'label' });
    t.textContent = line;
    group.appendChild(t);
  });
}

function diagram(history) {
  const container = element('div', 'escalation-diagram');
  const d = history.diagram;
  if (!d || !d.bpmnXml) {
    container.textContent = 'The diagram is not available.';
    return container;
  }
  const xml = new DOMParser().parseFromString(d.bpmnXml, 'application/xml');
  const model = modelElements(xml);
  const ran = new Set(d.ran);
  const running = new Set(d.running);
  const breached = new Set(d.breached);
  const root = svg('svg', { class: 'escalation-diagram-svg' });
  root.appendChild(svg('defs')).appendChild((() => {
    const marker = svg('marker', { id: 'escalation-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: 'auto-start-reverse' });
    marker.appendChild(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#888' }));
    return marker;
  })());
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  const extend = (x, y) => {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  };
  const back = svg('g');
  const edges = svg('g');
  const shapes = svg('g');
  const front = svg('g');
  [back, edges, shapes, front].forEach(layer => root.appendChild(layer));

  Array.from(xml.getElementsByTagNameNS(BPMNDI, 'BPMNEdge')).forEach(edge => {
    const ref = model[edge.getAttribute('bpmnElement')];
    const points = Array.from(edge.getElementsByTagNameNS(DI, 'waypoint'))
      .map(p => [Number(p.getAttribute('x')), Number(p.getAttribute('y'))]);
    if (!points.length) {
      return;
    }
    points.forEach(([x, y]) => extend(x, y));
    // a flow was taken when both its ends ran (history keeps activities, not flows)
    const taken = ref && ran.has(ref.getAttribute('sourceRef')) && ran.has(ref.getAttribute('targetRef'));
    edges.appendChild(svg('polyline', { points: points.map(p => p.join(',')).join(' '),
      class: 'edge' + (taken ? ' ran' : ''), 'marker-end': 'url(#escalation-arrow)' }));
  });

  Array.from(xml.getElementsByTagNameNS(BPMNDI, 'BPMNShape')).forEach(shape => {
    const id = shape.getAttribute('bpmnElement');
    const ref = model[id];
    const bounds = shape.getElementsByTagNameNS(DC, 'Bounds')[0];
    if (!ref || !bounds) {
      return;
    }
    const type = ref.localName;
    const x = Number(bounds.getAttribute('x')); const y = Number(bounds.getAttribute('y'));
    const w = Number(bounds.getAttribute('width')); const h = Number(bounds.getAttribute('height'));
    extend(x, y); extend(x + w, y + h);
    const classes = ['element'];
    if (ran.has(id)) classes.push('ran');
    if (running.has(id)) classes.push('running');
    if (breached.has(id)) classes.push('escalation-diagram-breach');
    const group = svg('g', { class: classes.join(' '), 'data-element-id': id });
    const title = svg('title');
    title.textContent = (ref.getAttribute('name') || id) + (breached.has(id) ? ' (deadline breached)' : '');
    group.appendChild(title);
    const name = ref.getAttribute('name') || '';
    const labelBounds = shape.getElementsByTagNameNS(DC, 'Bounds')[1];
    if (type.endsWith('Event')) {
      group.appendChild(svg('circle', { cx: x + w / 2, cy: y + h / 2, r: w / 2, class: 'shape',
        'stroke-width': type === 'endEvent' ? 4 : 1.5 }));
      if (ref.getElementsByTagNameNS(BPMN, 'timerEventDefinition').length) {
        group.appendChild(svg('circle', { cx: x + w / 2, cy: y + h / 2, r: w / 2 - 5, fill: 'none', stroke: '#666' }));
      }
      const lx = labelBounds ? Number(labelBounds.getAttribute('x')) + Number(labelBounds.getAttribute('width')) / 2 : x + w / 2;
      const ly = labelBounds ? Number(labelBounds.getAttribute('y')) + 6 : y + h + 12;
      if (name) {
        label(group, name, lx, ly, labelBounds ? Math.max(90, Number(labelBounds.getAttribute('width'))) : 90, false);
        extend(lx + 50, ly + 26);
      }
    } else if (type.endsWith('Gateway')) {
      group.appendChild(svg('polygon', { points: [[x + w / 2, y], [x + w, y + h / 2], [x + w / 2, y + h], [x, y + h / 2]]
        .map(p => p.join(',')).join(' '), class: 'shape' }));
      if (name) {
        const lx = labelBounds ? Number(labelBounds.getAttribute('x')) + Number(labelBounds.getAttribute('width')) / 2 : x + w / 2;
        const ly = labelBounds ? Number(labelBounds.getAttribute('y')) + 6 : y - 10;
        label(group, name, lx, ly, 110, false);
      }
    } else if (type === 'participant' || type === 'lane') {
      group.appendChild(svg('rect', { x, y, width: w, height: h, fill: 'none', stroke: '#ccc' }));
    } else if (type === 'textAnnotation' || type.startsWith('data')) {
      return;
    } else {
      group.appendChild(svg('rect', { x, y, width: w, height: h, rx: 8, class: 'shape' }));
      if (type === 'subProcess' && h > 120) {
        label(group, name, x + w / 2, y + 14, w - 8, false); // an expanded sub-process: its name on top
      } else {
        label(group, name, x + w / 2, y + h / 2, w - 8, true);
      }
    }
    // pools and sub-processes behind, boundary events in front of the task they sit on
    (type === 'participant' || type === 'lane' || type === 'subProcess' ? back
      : type.endsWith('Event') ? front : shapes).appendChild(group);
  });
  if (minX === Infinity) {
    container.textContent = 'The diagram has no layout to draw.';
    return container;
  }
  const margin = 20;
  const width = maxX - minX + 2 * margin;
  const height = maxY - minY + 2 * margin;
  root.setAttribute('viewBox', [minX - margin, minY - margin, width, height].join(' '));
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  container.appendChild(root);
  // open the drawing where it matters: the first breach, else where the case is now
  const focus = Array.from(xml.getElementsByTagNameNS(BPMNDI, 'BPMNShape')).find(shape =>
    breached.has(shape.getAttribute('bpmnElement'))) || Array.from(xml.getElementsByTagNameNS(BPMNDI, 'BPMNShape'))
    .find(shape => running.has(shape.getAttribute('bpmnElement')));
  const focusBounds = focus && focus.getElementsByTagNameNS(DC, 'Bounds')[0];
  if (focusBounds) {
    const fx = Number(focusBounds.getAttribute('x')) - (minX - margin);
    const fy = Number(focusBounds.getAttribute('y')) - (minY - margin);
    requestAnimationFrame(() => {
      container.scrollLeft = Math.max(0, fx - container.clientWidth / 2);
      container.scrollTop = Math.max(0, fy - container.clientHeight / 2);
    });
  }
  return container;
}

function legend() {
  const box = element('p', 'escalation-legend');
  [['#2e7d32', 'ran'], ['#1565c0', 'where it is now'], ['#c62828', 'deadline breached']].forEach(([colour, text]) => {
    const span = box.appendChild(element('span'));
    const swatch = span.appendChild(element('i'));
    swatch.style.borderColor = colour;
    span.appendChild(document.createTextNode(text));
  });
  return box;
}

// --- the stages ---

function badges(stage) {
  const cell = element('div');
  if (stage.breached) {
    cell.appendChild(element('span', 'escalation-badge escalation-breach', 'Deadline breached'));
  }
  if (stage.late) {
    cell.appendChild(element('span', 'escalation-badge escalation-late', stage.state === 'open' ? 'Overdue' : 'Late'));
  }
  if (stage.state === 'open') {
    cell.appendChild(element('span', 'escalation-badge escalation-open', 'Open'));
  } else if (stage.state === 'cancelled') {
    cell.appendChild(element('span', 'escalation-badge escalation-late', 'Cancelled'));
  }
  return cell;
}

function record(stage) {
  if (!stage.record || !stage.record.length) {
    return element('span', null, '');
  }
  const details = element('details', 'escalation-record');
  details.appendChild(element('summary', null, 'Record submitted (' + stage.record.length + ' answers)'));
  const list = details.appendChild(element('dl'));
  stage.record.forEach(line => {
    list.appendChild(element('dt', null, line.label));
    list.appendChild(element('dd', null, line.value));
  });
  return details;
}

function timeline(history) {
  return table('escalation-timeline', ['Stage', 'Step', 'Who', 'Started', 'Done', 'Due', 'Outcome', '', 'Record'],
    history.stages.map(stage => [stage.stage === null || stage.stage === undefined ? '' : String(stage.stage), stage.title,
      stage.who ? person(stage.who) : (stage.state === 'open' ? 'Not claimed yet' : ''), when(stage.started),
      stage.state === 'completed' ? when(stage.ended) : '', when(stage.due), stage.outcome || '', badges(stage),
      record(stage)]));
}

function breaches(history) {
  const section = element('section', 'escalation-breaches');
  section.appendChild(element('h3', null, 'Deadlines breached'));
  if (!history.breaches.length) {
    section.appendChild(element('p', null, 'None: every stage was done by its deadline, or has none.'));
    return section;
  }
  const list = section.appendChild(element('ul'));
  history.breaches.forEach(breach => {
    const item = list.appendChild(element('li'));
    item.appendChild(element('span', 'escalation-badge escalation-breach', 'Deadline breached'));
    item.appendChild(document.createTextNode((breach.stageTitle || breach.stageActivityId || '') + ': '
      + (breach.name || '') + ', ' + when(breach.at)));
  });
  return section;
}

function notifications(history) {
  if (!history.notifications.length) {
    return element('p', null, 'No notifications were sent.');
  }
  return table('escalation-notifications', ['When', 'What', 'To', 'Channel', 'Delivered'],
    history.notifications.map(n => [when(n.at), words(n.kind), person(n.to), n.channel || '', n.delivered ? 'Yes' : 'No: failed']));
}

function operations(history) {
  if (!history.operations.length) {
    return element('p', null, 'No user operations.');
  }
  return table('escalation-operations', ['When', 'Who', 'Operation', 'On', 'Property', 'From', 'To', 'Note'],
    history.operations.map(o => [when(o.at), person(o.who), o.operation || '', o.entity || '', o.property || '',
      o.from || '', o.to || '', o.annotation || '']));
}

function section(title, content, className) {
  const result = element('section', className);
  result.appendChild(element('h3', null, title));
  result.appendChild(content);
  return result;
}

function render(node, api, id, withDiagram) {
  addStyle();
  const root = element('div', 'escalation-case-history');
  node.appendChild(root);
  const status = root.appendChild(element('p', 'escalation-status', 'Loading the case…'));
  if (!id) {
    status.textContent = 'No case given.';
    return;
  }
  load(api, id).then(history => {
    status.remove();
    root.setAttribute('data-loaded', 'true');
    root.appendChild(element('h2', null, 'Case ' + (history.caseReference || history.processInstanceId)));
    root.appendChild(element('p', 'escalation-summary', [history.process + (history.processVersion ? ' (version '
      + history.processVersion + ')' : ''), history.state, 'raised by ' + person(history.startedBy) + ' on '
      + when(history.started), history.ended ? 'ended ' + when(history.ended) : 'still open'].join(' · ')));
    if (withDiagram) {
      const path = element('div');
      path.appendChild(legend());
      path.appendChild(diagram(history));
      root.appendChild(section('Path taken', path, 'escalation-path'));
    }
    root.appendChild(section('Stages', timeline(history), 'escalation-stages'));
    root.appendChild(breaches(history));
    root.appendChild(section('Notifications sent', notifications(history), 'escalation-notifications-section'));
    root.appendChild(section('User operations', operations(history), 'escalation-operations-section'));
  }, error => {
    status.textContent = error.message;
    status.className = 'escalation-status escalation-error';
  });
}

function idFromLocation() {
  const match = /#\/escalation\/case\/([^/?&#]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

export default [{
  id: 'escalation.caseHistory',
  pluginPoint: 'cockpit.route',
  properties: { path: '/escalation/case/:id' },
  render: (node, { api }) => render(node, api, idFromLocation(), true)
}, {
  // Cockpit's own view of a running case links to (and shows) the same history; last of its tabs,
  // so Variables stays the one that opens first
  id: 'escalation.caseHistoryTab',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: -100,
  label: 'Case history',
  render: (node, { api, processInstanceId }) => {
    const link = element('a', 'escalation-case-history-link', 'Open the whole case history (diagram, stages, records, notifications)');
    link.href = '#/escalation/case/' + encodeURIComponent(processInstanceId);
    node.appendChild(element('p')).appendChild(link);
    render(node, api, processInstanceId, false); // Cockpit's own diagram is right above
  }
}];
