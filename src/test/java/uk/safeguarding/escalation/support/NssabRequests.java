package uk.safeguarding.escalation.support;

/** REST bodies of a North Somerset case, as a client of the engine REST API sends them. */
public final class NssabRequests {

  public static final String START = "/engine-rest/process-definition/key/nssab-escalation/start";

  private NssabRequests() {}

  public static String startBody(String caseReference) {
    return """
        {"businessKey": "%s", "variables": {
          "caseReference": {"value": "%s", "type": "String"},
          "subjectType": {"value": "adult", "type": "String"},
          "raisingAgency": {"value": "police", "type": "String"},
          "receivingAgency": {"value": "la-adults", "type": "String"},
          "receivingPractitionerName": {"value": "Dr Riley Other", "type": "String"},
          "disagreementCategory": {"value": "information-sharing", "type": "String"},
          "disputeSummary": {"value": "Safeguarding information not shared", "type": "String"},
          "riskLevel": {"value": "standard", "type": "String"}}}
        """.formatted(caseReference, caseReference);
  }

  public static String stageRecord(String outcome) {
    return """
        {"variables": {
          "contactType": {"value": "phone", "type": "String"},
          "contactBetween": {"value": "Both practitioners", "type": "String"},
          "discussionSummary": {"value": "Discussed", "type": "String"},
          "stageOutcome": {"value": "%s", "type": "String"}}}
        """.formatted(outcome);
  }
}
