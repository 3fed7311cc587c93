// Cockpit configuration for this product (replaces the webjar's empty scripts/config.js on the
// classpath). customScripts are ES modules under app/cockpit/; see the README's "Security".
export default {
  customScripts: ['scripts/escalation/read-only.js']
};
