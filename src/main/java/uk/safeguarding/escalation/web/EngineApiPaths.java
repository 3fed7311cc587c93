package uk.safeguarding.escalation.web;

/** Where the engine's REST resources are reached: the REST API and the webapps' copy of it (Tasklist, Cockpit). */
public final class EngineApiPaths {

  /** Regex prefix of an engine REST path on either API, e.g. {@code /engine-rest/task/…}. */
  public static final String ENGINE_PREFIX = "(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";

  private EngineApiPaths() {}
}
