package uk.safeguarding.escalation.identity;

/** An agency sitting on a partnership (partnerships.yml); the code appears in group IDs and start variables. */
public record Agency(String code, String name) {}
