package uk.safeguarding.escalation.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.EscalationProperties;

/**
 * Creates the identity model (README "Identity model") of the configured {@link Partnerships} in
 * every profile, once: every group that a diagram may route to, the authorizations of each kind of group, and the admin user. Runs as an
 * engine plugin so that all of it exists before the web server takes a request. Admins only add
 * people to groups; existing groups, grants and the admin's password are never overwritten.
 */
@Component
@Order(1)
public class IdentityModelInitializer extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityModelInitializer.class);

  private final EscalationProperties properties;
  private final Partnerships partnerships;

  public IdentityModelInitializer(EscalationProperties properties, Partnerships partnerships) {
    this.properties = properties;
    this.partnerships = partnerships;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Set<String> existing = new HashSet<>();
    if (identity.isReadOnly()) {
      // LDAP: the groups are the directory's; a group counts as known once it has grants of ours.
      readOnlyAuthorizations = authorizations;
    } else {
      identity.createGroupQuery().list().forEach(g -> existing.add(g.getId()));
    }

    int created = 0;
    created += createGroup(identity, existing, GroupIds.ADMIN, "Camunda administrators", "SYSTEM");
    grantAdminEverything(authorizations);
    created += createGroup(identity, existing, GroupIds.MONITORING, "Monitoring (metrics scrape)", "SYSTEM");
    for (Partnership p : partnerships.all()) {
      if (createGroup(identity, existing, GroupIds.partnership(p), p.name() + ": all staff", "WORKFLOW") > 0) {
        created++;
        grant(authorizations, GroupIds.partnership(p), APPLICATION, "tasklist", ACCESS);
        grant(authorizations, GroupIds.partnership(p), PROCESS_DEFINITION, p.processKey(),
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(authorizations, GroupIds.partnership(p), PROCESS_INSTANCE, ANY, CREATE);
      }
      for (Agency agency : p.agencies()) {
        created += createGroup(identity, existing, GroupIds.agency(p, agency),
            p.name() + ": " + agency.name(), "WORKFLOW");
        for (Role role : p.roles(Role.Scope.AGENCY)) {
          created += createGroup(identity, existing, GroupIds.agencyRole(p, agency, role),
              p.name() + ": " + agency.name() + ": " + role.name(), "WORKFLOW");
        }
      }
      for (Role role : p.roles(Role.Scope.PARTNERSHIP)) {
        if (createGroup(identity, existing, GroupIds.partnershipRole(p, role),
            p.name() + ": " + role.name(), "WORKFLOW") > 0) {
          created++;
          grantPartnershipRole(authorizations, p, role);
        }
      }
      if (createGroup(identity, existing, GroupIds.boardAdmin(p), p.name() + ": Board admins", "WORKFLOW") > 0) {
        created++;
        grantBoardAdmin(authorizations, p);
      }
    }
    if (identity.isReadOnly()) {
      LOG.info("Identity model: groups and people come from the directory; grants checked for every group");
      return; // administrators are the directory's camunda-admin group (AdministratorAuthorizationPlugin)
    }
    if (created > 0) {
      LOG.info("Identity model: created {} groups", created);
    }
    createAdmin(identity);
  }

  /** Set when the identity provider is read-only (LDAP): groups are not created, only granted. */
  private AuthorizationService readOnlyAuthorizations;

  /** Roles marked {@code cockpit} (business managers, auditors) oversee a partnership's cases in Cockpit, read-only. */
  private static void grantPartnershipRole(AuthorizationService authorizations, Partnership p, Role role) {
    if (role.cockpit()) {
      String group = GroupIds.partnershipRole(p, role);
      grant(authorizations, group, APPLICATION, "cockpit", ACCESS);
      grant(authorizations, group, PROCESS_DEFINITION, p.processKey(),
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    }
  }

  /**
   * Board admins deploy from Modeler (DEPLOYMENT CREATE: Camunda cannot narrow it to a key, so
   * PartnershipDeploymentGuard refuses other partnerships' keys), see their protocol's versions and
   * cases in Cockpit and migrate running cases between its versions (REST migration API: READ on
   * both definitions to plan, MIGRATE_INSTANCE on both to execute).
   */
  private static void grantBoardAdmin(AuthorizationService authorizations, Partnership p) {
    String group = GroupIds.boardAdmin(p);
    grant(authorizations, group, DEPLOYMENT, ANY, CREATE);
    grant(authorizations, group, APPLICATION, "cockpit", ACCESS);
    grant(authorizations, group, PROCESS_DEFINITION, p.processKey(),
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.MIGRATE_INSTANCE);
  }

  /**
   * Camunda checks queries against authorizations even for camunda-admin members; the webapps'
   * setup normally grants ALL on every resource type, so we do the same.
   */
  private static void grantAdminEverything(AuthorizationService authorizations) {
    for (Resource resource : Resources.values()) {
      boolean present = authorizations.createAuthorizationQuery()
          .groupIdIn(GroupIds.ADMIN).resourceType(resource).resourceId(ANY).count() > 0;
      if (!present) {
        Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setGroupId(GroupIds.ADMIN);
        auth.setResource(resource);
        auth.setResourceId(ANY);
        auth.addPermission(ALL);
        authorizations.saveAuthorization(auth);
      }
    }
  }

  private void createAdmin(IdentityService identity) {
    EscalationProperties.Admin admin = properties.admin();
    if (admin == null || isBlank(admin.user()) || isBlank(admin.password())) {
      return; // the production profile refuses to start before this point (ProductionCredentialsCheck)
    }
    if (identity.createUserQuery().userId(admin.user()).count() == 0) {
      User user = identity.newUser(admin.user());
      user.setFirstName("Admin");
      user.setLastName("Administrator");
      user.setPassword(admin.password());
      try {
        identity.saveUser(user);
      } catch (ProcessEngineException e) {
        throw new IllegalStateException("ESCALATION_ADMIN_PASSWORD was refused: " + e.getMessage(), e);
      }
      LOG.info("Created admin user '{}'", admin.user());
    }
    if (identity.createUserQuery().userId(admin.user()).memberOfGroup(GroupIds.ADMIN).count() == 0) {
      identity.createMembership(admin.user(), GroupIds.ADMIN);
    }
  }

  private int createGroup(IdentityService identity, Set<String> existing, String id, String name, String type) {
    if (existing.contains(id)) {
      return 0;
    }
    if (readOnlyAuthorizations != null) {
      existing.add(id);
      return readOnlyAuthorizations.createAuthorizationQuery().groupIdIn(id).count() == 0 ? 1 : 0;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
    existing.add(id);
    return 1;
  }

  /** Grants a group permissions on a resource, adding to a grant it already has. */
  public static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    List<Authorization> present = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list();
    Authorization auth = present.isEmpty() ? authorizations.createNewAuthorization(AUTH_TYPE_GRANT) : present.get(0);
    auth.setGroupId(groupId);
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    for (Permission permission : permissions) {
      auth.addPermission(permission);
    }
    authorizations.saveAuthorization(auth);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
