package uk.safeguarding.escalation.notification;

/** A person to notify: the Camunda user and the address the channel uses. */
public record Recipient(String userId, String email) {}
