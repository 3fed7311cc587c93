package uk.safeguarding.escalation.identity;

/**
 * Camunda group IDs of the identity model (README "Identity model"). BPMN candidate groups use the
 * same shapes, e.g. {@code nssab-${raisingAgency}-line-manager}.
 */
public final class GroupIds {

  /** Camunda's built-in administrators group. */
  public static final String ADMIN = "camunda-admin";
  /** May read the actuator endpoints (Prometheus scrape account); no rights in the engine or webapps. */
  public static final String MONITORING = "monitoring";
  /** The role of a partnership's board admins; reserved, not configurable (it carries deploy rights). */
  public static final String BOARD_ADMIN_ROLE = "board-admin";

  private GroupIds() {}

  /** Everyone working on cases in a partnership, e.g. {@code nssab}. */
  public static String partnership(Partnership partnership) {
    return partnership.code();
  }

  /** All staff of one agency in one partnership, e.g. {@code nssab-police}. */
  public static String agency(Partnership partnership, Agency agency) {
    return partnership.code() + "-" + agency.code();
  }

  /** One role of one agency in one partnership, e.g. {@code nssab-police-line-manager}. */
  public static String agencyRole(Partnership partnership, Agency agency, Role role) {
    requireScope(role, Role.Scope.AGENCY);
    return agency(partnership, agency) + "-" + role.code();
  }

  /** A partnership-wide role, e.g. {@code nssab-business-manager}. */
  public static String partnershipRole(Partnership partnership, Role role) {
    requireScope(role, Role.Scope.PARTNERSHIP);
    return partnership.code() + "-" + role.code();
  }

  /** Deploys the partnership's own diagrams and forms, e.g. {@code nssab-board-admin}. */
  public static String boardAdmin(Partnership partnership) {
    return partnership.code() + "-" + BOARD_ADMIN_ROLE;
  }

  private static void requireScope(Role role, Role.Scope scope) {
    if (role.scope() != scope) {
      throw new IllegalArgumentException(role + " is not a " + scope + " role");
    }
  }
}
