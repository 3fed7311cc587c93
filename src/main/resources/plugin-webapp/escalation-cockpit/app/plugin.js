// Cockpit loads this module by itself (EscalationCockpitPlugin's asset directory). Each feature is
// a module of its own exporting an array of Cockpit plugins (cockpit.route, cockpit.navigation, ...).
import cases from './cases.js';
import caseHistory from './case-history.js';
import monitoring from './monitoring.js';

export default [...cases, ...caseHistory, ...monitoring];
