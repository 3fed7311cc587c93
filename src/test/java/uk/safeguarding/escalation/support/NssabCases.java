package uk.safeguarding.escalation.support;

import java.time.Instant;
import java.time.LocalDateTime;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;

/** North Somerset cases as a REST client submits them: start and stage bodies, and the dates of the Easter 2026 case. */
public final class NssabCases {

  public static final String START = "/engine-rest/process-definition/key/nssab-escalation/start";

  /** Thursday 2 April 2026, 10:00 in London; Good Friday and Easter Monday follow. */
  public static final Instant OUTSET = london("2026-04-02T10:00");
  /** One working day from the outset: Tuesday 7 April 2026, 17:00. */
  public static final Instant ONE_WD = london("2026-04-07T17:00");

  private NssabCases() {}

  public static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
  }

  public static String startBody(String caseReference, String riskLevel) {
    return """
        {"businessKey": "%s", "variables": {
          "caseReference": {"value": "%s", "type": "String"},
          "subjectType": {"value": "adult", "type": "String"},
          "raisingAgency": {"value": "police", "type": "String"},
          "receivingAgency": {"value": "la-adults", "type": "String"},
          "receivingPractitionerName": {"value": "Dr Riley Other", "type": "String"},
          "disagreementCategory": {"value": "information-sharing", "type": "String"},
          "disputeSummary": {"value": "Safeguarding information not shared", "type": "String"},
          "riskLevel": {"value": "%s", "type": "String"}}}
        """.formatted(caseReference, caseReference, riskLevel);
  }

  /** The stage record form (stages 1 and 2). */
  public static String stageRecord(String outcome) {
    return """
        {"variables": {
          "contactType": {"value": "phone", "type": "String"},
          "contactBetween": {"value": "Both practitioners", "type": "String"},
          "discussionSummary": {"value": "Discussed", "type": "String"},
          "stageOutcome": {"value": "%s", "type": "String"}}}
        """.formatted(outcome);
  }

  /** The Monitoring Form (stages 3 and 4). */
  public static String monitoringForm(String outcome) {
    return """
        {"variables": {
          "adultName": {"value": "Ashworth Example", "type": "String"},
          "disputeReasonAllViews": {"value": "Police: threshold met. ASC: not met.", "type": "String"},
          "agreedOutcomes": {"value": "Joint visit", "type": "String"},
          "initiatingManagerName": {"value": "I. Manager", "type": "String"},
          "initiatingManagerDesignation": {"value": "DI", "type": "String"},
          "initiatingManagerAgency": {"value": "police", "type": "String"},
          "initiatingManagerDate": {"value": "2026-04-08", "type": "String"},
          "receivingManagerName": {"value": "R. Manager", "type": "String"},
          "receivingManagerDesignation": {"value": "Service manager", "type": "String"},
          "receivingManagerAgency": {"value": "la-adults", "type": "String"},
          "receivingManagerDate": {"value": "2026-04-08", "type": "String"},
          "contactType": {"value": "face-to-face", "type": "String"},
          "contactBetween": {"value": "Senior managers", "type": "String"},
          "discussionSummary": {"value": "Reviewed the decision together", "type": "String"},
          "stageOutcome": {"value": "%s", "type": "String"}}}
        """.formatted(outcome);
  }

  /** A form of one field, e.g. {@code single("learningIdentified", "\"no\"", "String")}. */
  public static String single(String name, String jsonValue, String type) {
    return "{\"variables\": {\"%s\": {\"value\": %s, \"type\": \"%s\"}}}".formatted(name, jsonValue, type);
  }
}
