package uk.safeguarding.escalation.performance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Camunda checks a user's groups against {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}
 * in every command it authorizes, only to drop the groups that hold no grant from the checks that
 * follow. Every open task carries grants of its own (its candidate groups' TASK_WORK), so that query
 * reads them all: 25 ms per command with 100 000 open cases (issue 17, queries at scale). A group
 * without grants matches no row in those checks anyway, so for a user with up to
 * {@value #MAX_GROUPS_AS_THEY_ARE} groups (staff here have a handful; see README "Identity model")
 * the groups are used as they are; with more, as an LDAP directory may give, Camunda's filter stays.
 */
@Component
class AuthorizedGroups extends AbstractProcessEnginePlugin {

  static final int MAX_GROUPS_AS_THEY_ARE = 50;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class; // replaces the engine's own factory for this session type
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  static class Manager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > MAX_GROUPS_AS_THEY_ARE) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds.stream().filter(Objects::nonNull).toList()));
    }
  }
}
