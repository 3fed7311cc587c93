package uk.safeguarding.escalation.notification;

/**
 * {@code platform/notification-delivery.bpmn}: one small process instance per notification a case
 * asks for. It is started in the same transaction as the case step (so a rolled-back step sends
 * nothing and a committed one is never forgotten) and delivers in its own asynchronous job, on
 * Camunda's job executor, outside the case's execution tree: sending never collides with people
 * working the case, and a failed delivery retries and ends as an incident on this process.
 */
public final class NotificationDeliveryProcess {

  public static final String KEY = "notification-delivery";

  private NotificationDeliveryProcess() {}

  public static final class Elements {
    public static final String DELIVER = "ServiceTask_DeliverNotification";

    private Elements() {}
  }

  /**
   * Variables of a delivery instance; its business key is the case reference. Three, not one per
   * field: each variable is a row inserted, read and deleted again within seconds (README "Performance").
   */
  public static final class Variables {
    /** The case (process instance ID): how its deliveries are found. */
    public static final String CASE_INSTANCE_ID = "caseInstanceId";
    /** A {@link NotificationKind} name, for whoever reads the instance in Cockpit. */
    public static final String KIND = "kind";
    /** The rest of the request as JSON ({@link NotificationOutbox}). */
    public static final String REQUEST = "notificationRequest";

    /** One variable per field, as instances started before {@link #REQUEST} hold them. */
    static final String CASE_PROCESS_KEY = "caseProcessKey";
    static final String CASE_REFERENCE = "caseReference";
    static final String STAGE = "stage";
    static final String GROUPS = "notifyGroups";
    static final String USERS = "notifyUsers";
    static final String STAGE_TASK = "stageTask";
    static final String NOTIFY_STAGE_OWNERS = "notifyStageOwners";

    private Variables() {}
  }
}
