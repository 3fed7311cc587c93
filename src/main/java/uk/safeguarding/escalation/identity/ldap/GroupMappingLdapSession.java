package uk.safeguarding.escalation.identity.ldap;

import java.util.Arrays;
import java.util.List;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Camunda's LDAP session, with the directory's group names translated to our group IDs and back:
 * the engine, the diagrams' candidate groups and our grants see {@code nssab-police-line-manager}
 * while the directory keeps its own name for the group (e.g. {@code SG-NSSAB-Police-LineManagers}).
 */
class GroupMappingLdapSession extends LdapIdentityProviderSession {

  private final GroupMapping mapping;

  GroupMappingLdapSession(LdapConfiguration configuration, GroupMapping mapping) {
    super(configuration);
    this.mapping = mapping;
  }

  @Override
  public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
    return super.findGroupByQueryCriteria(toDirectory(query));
  }

  @Override
  public long findGroupCountByQueryCriteria(LdapGroupQuery query) {
    return super.findGroupCountByQueryCriteria(toDirectory(query));
  }

  @Override
  public List<User> findUserByQueryCriteria(LdapUserQueryImpl query) {
    return unknownGroup(query) ? List.of() : super.findUserByQueryCriteria(toDirectory(query));
  }

  @Override
  public long findUserCountByQueryCriteria(LdapUserQueryImpl query) {
    return unknownGroup(query) ? 0 : super.findUserCountByQueryCriteria(toDirectory(query));
  }

  /**
   * The plugin answers "members of a group the directory does not have" with the members of every
   * group (7.23.0); a notification to an agency without that group would then reach everyone.
   */
  private boolean unknownGroup(LdapUserQueryImpl query) {
    if (query.getGroupId() == null) {
      return false;
    }
    // Whether the group exists, not whether the current user may read it (staff may not).
    checkingExistence = true;
    try {
      return findGroupById(query.getGroupId()) == null;
    } finally {
      checkingExistence = false;
    }
  }

  /** A session serves one command on one thread. */
  private boolean checkingExistence;

  @Override
  protected boolean isAuthorizedToReadGroup(String groupId) {
    return checkingExistence || super.isAuthorizedToReadGroup(groupId);
  }

  @Override
  protected GroupEntity transformGroup(SearchResult result) {
    GroupEntity group = super.transformGroup(result);
    group.setId(mapping.ourId(group.getId()));
    return group;
  }

  private LdapGroupQuery toDirectory(LdapGroupQuery query) {
    if (query.getId() != null) {
      query.groupId(mapping.directoryName(query.getId()));
    }
    if (query.getIds() != null) {
      query.groupIdIn(Arrays.stream(query.getIds()).map(mapping::directoryName).toArray(String[]::new));
    }
    return query;
  }

  private LdapUserQueryImpl toDirectory(LdapUserQueryImpl query) {
    if (query.getGroupId() != null) {
      query.memberOfGroup(mapping.directoryName(query.getGroupId()));
    }
    return query;
  }
}
