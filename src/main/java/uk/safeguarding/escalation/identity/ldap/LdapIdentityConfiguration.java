package uk.safeguarding.escalation.identity.ldap;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uk.safeguarding.escalation.identity.GroupIds;

/**
 * Users and groups from an LDAP directory or Active Directory instead of Camunda's tables
 * (README "LDAP / Active Directory"), when {@code ESCALATION_LDAP_ENABLED=true}. The directory is
 * read-only to Camunda: people join and leave groups there; our grants and Tasklist filters are
 * still created at start-up for our group IDs.
 */
@Configuration
@ConditionalOnProperty(name = "escalation.ldap.enabled", havingValue = "true")
class LdapIdentityConfiguration {

  @Bean
  LdapIdentityProviderPlugin ldapIdentityProvider(Environment env) {
    GroupMapping mapping = GroupMapping.parse(env.getProperty("escalation.ldap.group-mapping"));
    LdapIdentityProviderPlugin plugin = new LdapIdentityProviderPlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        super.preInit(configuration);
        LdapIdentityProviderFactory factory = new LdapIdentityProviderFactory() {
          @Override
          public Session openSession() {
            return new GroupMappingLdapSession(getLdapConfiguration(), mapping);
          }
        };
        factory.setLdapConfiguration(this);
        configuration.setIdentityProviderSessionFactory(factory);
      }
    };
    plugin.setServerUrl(required(env, "url", "ESCALATION_LDAP_URL"));
    plugin.setManagerDn(required(env, "manager-dn", "ESCALATION_LDAP_MANAGER_DN"));
    plugin.setManagerPassword(required(env, "manager-password", "ESCALATION_LDAP_MANAGER_PASSWORD"));
    plugin.setBaseDn(required(env, "base-dn", "ESCALATION_LDAP_BASE_DN"));
    plugin.setUserSearchBase(env.getProperty("escalation.ldap.user-search-base", ""));
    plugin.setUserSearchFilter(env.getProperty("escalation.ldap.user-search-filter"));
    plugin.setUserIdAttribute(env.getProperty("escalation.ldap.user-id-attribute"));
    plugin.setUserFirstnameAttribute("givenName");
    plugin.setUserLastnameAttribute("sn");
    plugin.setUserEmailAttribute("mail");
    plugin.setGroupSearchBase(env.getProperty("escalation.ldap.group-search-base", ""));
    plugin.setGroupSearchFilter(env.getProperty("escalation.ldap.group-search-filter"));
    plugin.setGroupIdAttribute(env.getProperty("escalation.ldap.group-id-attribute"));
    plugin.setGroupNameAttribute(env.getProperty("escalation.ldap.group-id-attribute"));
    plugin.setGroupMemberAttribute(env.getProperty("escalation.ldap.group-member-attribute"));
    // Never log in with an empty password (an LDAP "unauthenticated bind" would succeed).
    plugin.setAllowAnonymousLogin(false);
    plugin.setSortControlSupported(false); // Active Directory and OpenLDAP differ; sort in memory
    return plugin;
  }

  /** Members of the (mapped) camunda-admin directory group are administrators. */
  @Bean
  AdministratorAuthorizationPlugin ldapAdministrators() {
    AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
    plugin.setAdministratorGroupName(GroupIds.ADMIN);
    return plugin;
  }

  private static String required(Environment env, String key, String variable) {
    String value = env.getProperty("escalation.ldap." + key, "").trim();
    if (value.isEmpty()) {
      throw new IllegalStateException("ESCALATION_LDAP_ENABLED=true: set " + variable + " (README \"LDAP / Active Directory\").");
    }
    return value;
  }
}
