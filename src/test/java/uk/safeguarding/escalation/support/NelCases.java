package uk.safeguarding.escalation.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;

/** North East Lincolnshire cases: start and stage values (as Tasklist submits them) and the dates of the Christmas 2026 case. */
public final class NelCases {

  public static final String START = "/engine-rest/process-definition/key/nel-escalation/start";

  /** Thursday 17 December 2026, 10:00 in London; Christmas and the substitute Boxing Day holiday follow. */
  public static final Instant OUTSET = london("2026-12-17T10:00");

  private NelCases() {}

  public static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
  }

  /** A health practitioner disagrees with children's services about a child. */
  public static Map<String, Object> childCase() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseReference", "NEL-2026-0117");
    vars.put("subjectType", "child");
    vars.put("raisingAgency", "health");
    vars.put("raisingPractitionerStatus", "Health visitor");
    vars.put("receivingAgency", "la-childrens");
    vars.put("receivingPractitionerName", "A. Social Worker");
    vars.put("conflictFramework", "referral");
    vars.put("disagreementCategory", "decision");
    vars.put("disputeSummary", "Referral closed with no assessment; we believe the threshold is met.");
    vars.put("personViewsSought", "not-safe");
    vars.put("riskLevel", "standard");
    return vars;
  }

  /** The same about an adult at risk, with adult social care. */
  public static Map<String, Object> adultCase() {
    Map<String, Object> vars = childCase();
    vars.put("subjectType", "adult");
    vars.put("receivingAgency", "la-adults");
    vars.put("conflictFramework", "plan");
    vars.put("disagreementCategory", "risk-assessment");
    return vars;
  }

  public static Map<String, Object> informal(String outcome) {
    return Map.of("contactType", "phone", "contactBetween", "Health visitor and social worker",
        "areasOfDispute", "Whether the threshold for a child in need assessment is met",
        "discussionSummary", "Shared the health chronology; no agreement", "stageOutcome", outcome);
  }

  private static Map<String, Object> record(String between, String outcome) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("contactType", "meeting");
    vars.put("contactBetween", between);
    vars.put("discussionSummary", "Reviewed the referral and the chronology");
    vars.put("agreedActions", "Joint visit within 5 days");
    vars.put("decisionMakers", "Named managers, by status");
    vars.put("stageCompletedOn", "2026-12-17");
    vars.put("stageOutcome", outcome);
    return vars;
  }

  public static Map<String, Object> stage1(String outcome) {
    return record("Health visitor and her line manager; the social worker", outcome);
  }

  public static Map<String, Object> stage2(String outcome) {
    Map<String, Object> vars = record("Line managers of health and children's services", outcome);
    vars.put("agreedTimescale", "Meet by 8 January");
    vars.put("meetingConvened", "yes");
    vars.put("legalAdviceSought", "no");
    return vars;
  }

  public static Map<String, Object> stage3(String outcome, String boardEndorsementNeeded) {
    Map<String, Object> vars = record("Heads of service of health and children's services", outcome);
    vars.put("meetingConvened", "no");
    vars.put("legalAdviceSought", "yes");
    vars.put("boardEndorsementNeeded", boardEndorsementNeeded);
    if ("yes".equals(boardEndorsementNeeded)) {
      vars.put("boardEndorsementReason", "procedural-change");
    }
    if ("escalate".equals(outcome)) {
      vars.put("directorsEscalatedTo", "Assistant directors of health and children's services");
    }
    return vars;
  }

  public static Map<String, Object> stage4(String outcome, String boardEndorsementNeeded) {
    Map<String, Object> vars = record("Assistant directors and heads of service", outcome);
    vars.put("boardEndorsementNeeded", boardEndorsementNeeded);
    if ("yes".equals(boardEndorsementNeeded)) {
      vars.put("boardEndorsementReason", "legal-requirements");
    }
    return vars;
  }

  public static Map<String, Object> panelDecision() {
    return Map.of("panelChair", "SAB business manager", "panelMembers", "Police, education and housing board representatives",
        "panelDate", "2026-12-22", "panelDecisionType", "endorse", "panelDecision", "Endorses the joint assessment",
        "decisionMakers", "The panel");
  }

  public static Map<String, Object> decisionRelayed() {
    return Map.of("decisionMadeOn", "2026-12-22",
        "decisionRelayedTo", "Heads of service and line managers of health and children's services",
        "writtenNotificationTo", "Both practitioners, line managers and heads of service", "writtenNotificationOn", "2026-12-23");
  }

  public static Map<String, Object> boardEndorsement() {
    return Map.of("procedureChange", "Threshold guidance for health referrals clarified", "boardEndorsedOn", "2027-01-20",
        "partnerAgenciesNotified", "All partner agencies of the board");
  }

  /** A REST body {@code {"variables": {...}}} (or a start body with a business key) of String and Integer values. */
  public static String body(Map<String, Object> values, String businessKey) {
    String variables = new LinkedHashMap<>(values).entrySet().stream()
        .map(e -> "\"%s\": {\"value\": %s, \"type\": \"%s\"}".formatted(e.getKey(),
            e.getValue() instanceof Number ? e.getValue() : "\"" + e.getValue().toString().replace("\"", "\\\"") + "\"",
            e.getValue() instanceof Number ? "Integer" : "String"))
        .collect(Collectors.joining(", ", "{", "}"));
    return businessKey == null ? "{\"variables\": " + variables + "}"
        : "{\"businessKey\": \"" + businessKey + "\", \"variables\": " + variables + "}";
  }
}
