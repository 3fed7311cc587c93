package uk.safeguarding.escalation.notification;

import java.util.List;

/**
 * One notification a diagram asks for.
 *
 * @param key identifies this one sending (the job that runs it), so a retried job never sends
 *     twice to a recipient who already has it
 * @param stageTask task definition key of the stage task the notification is about: its owners
 *     are notified when {@code notifyStageOwners}, its due date is the deadline, the link opens it
 */
public record NotificationRequest(
    NotificationKind kind,
    String key,
    String processInstanceId,
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
