package uk.safeguarding.escalation.notification;

import java.util.List;

/**
 * One notification a case step asks for, as recorded in the outbox (a delivery process instance).
 *
 * @param caseInstanceId the case (process instance) the notification is about
 * @param stageTask task definition key of the stage task the notification is about: its owners
 *     are notified when {@code notifyStageOwners}, its due date is the deadline, the link opens it
 */
public record NotificationRequest(
    NotificationKind kind,
    String caseInstanceId,
    String processKey,
    String caseReference,
    Integer stage,
    List<String> groups,
    List<String> users,
    String stageTask,
    boolean notifyStageOwners) {

  public NotificationRequest {
    groups = List.copyOf(groups);
    users = List.copyOf(users);
  }
}
