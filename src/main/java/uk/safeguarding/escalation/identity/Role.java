package uk.safeguarding.escalation.identity;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A role named by the procedures (partnerships.yml). Agency roles exist once per agency of a
 * partnership (the "line manager of the raising agency"), partnership roles once per partnership.
 *
 * @param staff   members also belong to the partnership's staff group (Tasklist, may start cases)
 * @param cockpit members read the partnership's cases and history in Cockpit
 */
public record Role(String code, String name, Scope scope, @DefaultValue("true") boolean staff, boolean cockpit) {

  public enum Scope { AGENCY, PARTNERSHIP }
}
