// Element templates for board admins (processes/.camunda/element-templates/, Camunda 7):
// 1. each template validates against Camunda's element-templates JSON schema;
// 2. every element of processes/*.bpmn that carries camunda:modelerTemplate satisfies its template's
//    bindings (hidden values equal, dropdown values among the choices, required fields set), as if
//    Modeler had just applied it; and the elements a protocol builds from templates carry one.
// Run by `npm run check:templates` (and so by `mvn verify`). Exit code 1 on any finding.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { validate } from '@bpmn-io/element-templates-validator';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

const TEMPLATES = 'processes/.camunda/element-templates';
const DIAGRAMS = 'processes';
const findings = [];

// --- 1. schema -----------------------------------------------------------------------------------

const templates = new Map();
for (const file of readdirSync(TEMPLATES).filter(f => f.endsWith('.json')).sort()) {
  const text = readFileSync(join(TEMPLATES, file), 'utf8');
  const result = validate(text);
  if (!result.valid) {
    for (const error of result.errors) {
      const line = error.dataPointer ? `:${error.dataPointer.value.line + 1}` : '';
      findings.push(`${TEMPLATES}/${file}${line}: ${error.message}`);
    }
    continue;
  }
  const template = JSON.parse(text);
  if (templates.has(template.id)) {
    findings.push(`${TEMPLATES}/${file}: template id ${template.id} is used twice`);
  }
  templates.set(template.id, { ...template, file });
}

// --- 2. diagrams ---------------------------------------------------------------------------------

const moddle = new BpmnModdle({ camunda });

const extensions = (element, type) => (element.extensionElements?.values || []).filter(v => v.$type === type);

/** The value a binding reads from an element; undefined when absent. */
function bound(element, binding, hiddenValue) {
  switch (binding.type) {
    case 'property': {
      const value = element.get(binding.name);
      return value === undefined || value === null ? undefined : String(value);
    }
    case 'camunda:property':
      return extensions(element, 'camunda:Properties').flatMap(p => p.values || [])
        .find(p => p.name === binding.name)?.value;
    case 'camunda:inputParameter': {
      const parameter = extensions(element, 'camunda:InputOutput').flatMap(io => io.inputParameters || [])
        .find(p => p.name === binding.name);
      return parameter && (parameter.value ?? '');
    }
    case 'camunda:executionListener': {
      const attribute = binding.implementationType || 'class';
      const listeners = extensions(element, 'camunda:ExecutionListener').filter(l => l.event === binding.event);
      return listeners.some(l => l[attribute] === hiddenValue) ? hiddenValue : undefined;
    }
    default:
      return { unsupported: binding.type };
  }
}

function checkElement(diagram, element) {
  const where = `${diagram} ${element.id}`;
  const id = element.get('camunda:modelerTemplate');
  const template = templates.get(id);
  if (!template) {
    findings.push(`${where}: no element template '${id}' in ${TEMPLATES}`);
    return;
  }
  const version = element.get('camunda:modelerTemplateVersion');
  if (template.version !== undefined && String(version) !== String(template.version)) {
    findings.push(`${where}: template ${id} is version ${template.version}, the element says ${version}`);
  }
  if (!template.appliesTo.includes(element.$type)) {
    findings.push(`${where}: template ${id} applies to ${template.appliesTo}, not ${element.$type}`);
  }
  for (const property of template.properties) {
    const name = property.label || `${property.binding.type} ${property.binding.name || property.binding.event}`;
    const expected = property.value === undefined ? undefined : String(property.value);
    const value = bound(element, property.binding, expected);
    if (value && typeof value === 'object') {
      findings.push(`${where}: this check does not read bindings of type ${value.unsupported} (template ${id})`);
      continue;
    }
    const required = property.type === 'Hidden' || property.constraints?.notEmpty;
    if (value === undefined || value === '') {
      if (required) {
        findings.push(`${where}: '${name}' is not set (template ${id} requires ${expected ?? 'a value'})`);
      }
      if (value === undefined || property.type !== 'Dropdown') {
        continue;
      }
    }
    if (property.type === 'Hidden' && value !== expected) {
      findings.push(`${where}: '${name}' is '${value}', template ${id} fixes it to '${expected}'`);
    }
    if (property.type === 'Dropdown' && !property.choices.some(c => c.value === value)) {
      findings.push(`${where}: '${name}' is '${value}', none of template ${id}'s choices`);
    }
    const pattern = property.constraints?.pattern;
    if (pattern && !new RegExp(pattern.value ?? pattern).test(value)) {
      findings.push(`${where}: '${name}' is '${value}': ${pattern.message ?? `must match ${pattern.value ?? pattern}`}`);
    }
  }
  // A value Modeler's C7 templates cannot bind (a timer's date) is fixed in the template's metadata.
  const timeDate = template.metadata?.timerTimeDate;
  if (timeDate !== undefined) {
    const timer = (element.eventDefinitions || []).find(d => d.$type === 'bpmn:TimerEventDefinition');
    if (timer?.timeDate?.body?.trim() !== timeDate) {
      findings.push(`${where}: the timer's date is '${timer?.timeDate?.body ?? ''}', template ${id} needs '${timeDate}'`);
    }
  }
}

/** Elements a protocol assembles from templates: stage tasks, their reminders, notifications, the resolution step. */
function needsTemplate(element, stageIds) {
  switch (element.$type) {
    case 'bpmn:SendTask':
      return true;
    case 'bpmn:UserTask':
      return stageIds.has(element.id);
    case 'bpmn:BoundaryEvent':
      return stageIds.has(element.attachedToRef?.id)
        && (element.eventDefinitions || []).some(d => d.$type === 'bpmn:TimerEventDefinition');
    case 'bpmn:ServiceTask':
      return element.get('camunda:delegateExpression') === '${recordResolution}';
    default:
      return false;
  }
}

function flowElements(container) {
  return (container.flowElements || []).flatMap(e => [e, ...flowElements(e)]);
}

let checked = 0;
for (const file of readdirSync(DIAGRAMS).filter(f => f.endsWith('.bpmn')).sort()) {
  const diagram = `${DIAGRAMS}/${file}`;
  const { rootElement, warnings } = await moddle.fromXML(readFileSync(diagram, 'utf8'));
  warnings.forEach(w => findings.push(`${diagram}: ${w.message}`));
  const elements = rootElement.rootElements.filter(e => e.$type === 'bpmn:Process').flatMap(flowElements);
  const stageIds = new Set(elements.filter(e => e.$type === 'bpmn:UserTask'
    && extensions(e, 'camunda:Properties').flatMap(p => p.values || []).some(p => p.name === 'stage')).map(e => e.id));
  for (const element of elements) {
    if (element.get('camunda:modelerTemplate')) {
      checkElement(diagram, element);
      checked++;
    } else if (needsTemplate(element, stageIds)) {
      findings.push(`${diagram} ${element.id}: build it from an element template (Modeler: Template → Select)`);
    }
  }
}

if (findings.length) {
  findings.forEach(f => console.error(f));
  console.error(`${findings.length} problem(s) with element templates`);
  process.exit(1);
}
console.log(`${templates.size} element templates valid against the Camunda 7 element-templates schema; ${checked} templated elements in ${DIAGRAMS}/ match their templates`);
