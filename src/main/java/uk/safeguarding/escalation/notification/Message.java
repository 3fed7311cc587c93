package uk.safeguarding.escalation.notification;

/** A rendered notification: case reference, protocol, stage, deadline and a link; never personal data. */
public record Message(String subject, String body) {}
