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

  /** Variables of a delivery instance; its business key is the case reference. */
  public static final class Variables {
    public static final String CASE_INSTANCE_ID = "caseInstanceId";
    public static final String CASE_PROCESS_KEY = "caseProcessKey";
    public static final String CASE_REFERENCE = "caseReference";
    public static final String STAGE = "stage";
    public static final String KIND = "kind";
    public static final String GROUPS = "notifyGroups";
    public static final String USERS = "notifyUsers";
    public static final String STAGE_TASK = "stageTask";
    public static final String NOTIFY_STAGE_OWNERS = "notifyStageOwners";

    private Variables() {}
  }
}
