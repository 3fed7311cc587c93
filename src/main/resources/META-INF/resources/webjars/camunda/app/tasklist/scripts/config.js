// Tasklist configuration for this product (replaces the webjar's scripts/config.js on the classpath).
// customScripts are ES modules under app/tasklist/; see scripts/escalation/*.js and the README's
// "Tasklist" section.
export default {
  customScripts: ['scripts/escalation/uk-dates.js', 'scripts/escalation/case-record.js', 'scripts/escalation/staff.js'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
