// Small things staff trip over in Tasklist, mended where Tasklist allows it.

// 1. Escape never throws away a form being filled in. The start form is a ui-bootstrap modal that
//    closes on an Escape anywhere unless the event's default was prevented, and form-js's drop-down
//    does not close on Escape at all: so Escape closes an open drop-down (it closes when it loses
//    focus) and otherwise does nothing while a form is open. The dialog's Close button still closes it.
document.body.addEventListener('keydown', event => {
  if (event.key !== 'Escape' || !document.querySelector('.modal .fjs-container')) {
    return;
  }
  event.preventDefault();
  const field = event.target instanceof Element ? event.target.closest('.fjs-form-field') : null;
  if (field && field.querySelector('.fjs-dropdownlist')) {
    event.target.blur();
  }
});

// 2. A confirmation after Complete: Tasklist closes the form and says nothing. When the form
//    closes after a Complete click and no error is on screen, say so (role=status, for screen readers too).
let completing = null;
document.addEventListener('click', event => {
  const button = event.target instanceof Element && event.target.closest('button');
  if (button && button.textContent.trim() === 'Complete') {
    const title = document.querySelector('h2.task');
    completing = { name: title ? title.textContent.trim() : 'The task', at: Date.now() };
  }
}, true);

function notice(text) {
  document.querySelectorAll('.escalation-notice').forEach(n => n.remove());
  const box = document.createElement('div');
  box.className = 'escalation-notice';
  box.setAttribute('role', 'status');
  box.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '×';
  close.addEventListener('click', () => box.remove());
  box.prepend(close);
  document.body.appendChild(box);
  return box;
}

new MutationObserver(() => {
  const shown = element => element && element.offsetParent !== null;
  if (!completing || [...document.querySelectorAll('.fjs-container')].some(shown)) {
    return;
  }
  const errorShown = [...document.querySelectorAll('.alert-danger')].some(shown);
  const done = completing;
  completing = null;
  if (!errorShown && Date.now() - done.at < 60000) {
    const box = notice('Completed: ' + done.name + '. The case has moved on; it is in "My cases" if you raised it.');
    box.classList.add('escalation-notice-done');
  }
}).observe(document.documentElement, { childList: true, subtree: true });

// 3. Auditors and boards have no Tasklist access (Camunda's login refuses them with "missing access
//    rights to application"): the refusal says where they belong.
new MutationObserver(() => {
  const failed = [...document.querySelectorAll('.notifications .alert, .alert-danger')]
    .find(alert => /Login Failed/i.test(alert.textContent) && !alert.querySelector('.escalation-cockpit-hint'));
  if (!failed) {
    return;
  }
  const hint = document.createElement('div');
  hint.className = 'escalation-cockpit-hint';
  hint.appendChild(document.createTextNode('Auditors and board members read cases in Cockpit, not Tasklist: '));
  const link = document.createElement('a');
  link.href = location.pathname.split('/app/')[0] + '/app/cockpit/';
  link.textContent = 'log in to Cockpit';
  hint.appendChild(link);
  failed.appendChild(hint);
}).observe(document.documentElement, { childList: true, subtree: true });

// 4. The raising agency is the person's own: the start form picks it for them (they may still
//    change it; the server refuses any agency but their own). Their agency is the group of theirs
//    that sits between their partnership's group and their role's group (nssab > nssab-police >
//    nssab-police-practitioner); its name ends with the agency's name, as the form lists it.
const root = location.pathname.split('/app/')[0];

async function ownAgencyName() {
  const who = await fetch(root + '/api/admin/auth/user/default', { credentials: 'same-origin' });
  if (!who.ok) {
    return null;
  }
  const { userId } = await who.json();
  const response = await fetch(root + '/api/engine/engine/default/group?member=' + encodeURIComponent(userId),
    { credentials: 'same-origin' });
  if (!response.ok) {
    return null;
  }
  const groups = await response.json();
  const ids = groups.map(g => g.id);
  const agencies = groups.filter(g => ids.some(p => g.id.startsWith(p + '-') && !p.includes('-'))
    && ids.some(child => child.startsWith(g.id + '-')));
  return agencies.length === 1 && agencies[0].name ? agencies[0].name.split(': ').pop() : null;
}

function press(element) {
  ['mousedown', 'mouseup', 'click'].forEach(type =>
    element.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window })));
}

let defaulted = null;
new MutationObserver(() => {
  const display = document.querySelector(".modal .fjs-container [id$='-Field_RaisingAgency-display']");
  if (!display || defaulted === display) {
    return;
  }
  defaulted = display;
  ownAgencyName().then(name => {
    const field = display.closest('.fjs-form-field');
    if (!name || !field || field.querySelector('.fjs-select-display:not(.fjs-select-placeholder)')
        && !/^\s*(Select)?\s*$/.test(display.textContent)) {
      return; // unknown, or already chosen
    }
    press(display);
    // the list renders on the next frames
    const choose = (tries) => {
      const item = [...field.querySelectorAll('.fjs-dropdownlist-item')].find(i => i.textContent.trim() === name);
      if (item) {
        press(item);
      } else if (tries > 0) {
        requestAnimationFrame(() => choose(tries - 1));
      } else if (field.querySelector('.fjs-dropdownlist')) {
        press(display); // no such option: close the list again
      }
    };
    choose(30);
  }).catch(() => { /* a convenience only */ });
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
