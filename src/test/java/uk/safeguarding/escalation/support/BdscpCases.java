package uk.safeguarding.escalation.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Barking and Dagenham cases: start and task values as Tasklist submits them (the Section B action
 * plan as the Json text of its rows) and the dates of a case raised before the August 2026 bank holiday.
 */
public final class BdscpCases {

  public static final String START = "/engine-rest/process-definition/key/bdscp-escalation/start";

  /** Thursday 27 August 2026, 10:00 in London; Monday 31 August is the Summer bank holiday. */
  public static final Instant OUTSET = NelCases.london("2026-08-27T10:00");

  private BdscpCases() {}

  /** A police officer disagrees with children's services about a child; not urgent, no baby. */
  public static Map<String, Object> childCase() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseReference", "BD-2026-0827");
    vars.put("raisingAgency", "police");
    vars.put("receivingAgency", "la-childrens");
    vars.put("receivingPractitionerName", "A. Social Worker");
    vars.put("disagreementCategory", "safeguarding-response");
    vars.put("disputeSummary", "Referral closed without a strategy discussion; we believe the threshold is met.");
    vars.put("outcomeSought", "A strategy discussion this week");
    vars.put("riskLevel", "standard");
    vars.put("urgentResolution", "no");
    vars.put("babyInvolved", "no");
    return vars;
  }

  public static Map<String, Object> liaise(String contactType) {
    return Map.of("contactType", contactType, "contactedOn", "2026-08-27", "contactSummary", "Called the social worker about the closure");
  }

  public static Map<String, Object> reply() {
    return Map.of("contactType", "phone", "replySummary", "Reviewed the referral; the closure stands for now");
  }

  public static Map<String, Object> record(String outcome) {
    return Map.of("discussionSummary", "Discussed the referral and the police information", "agreedSolution", "None agreed",
        "relayedTo", "Both practitioners and their line managers", "stageOutcome", outcome);
  }

  public static Map<String, Object> review(String fitsProcedure, String strategyAgreeBy) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("fitsProcedure", fitsProcedure);
    vars.put("managerReview", "A difference about thresholds, in scope of the protocol");
    if ("no".equals(fitsProcedure)) {
      vars.put("fitsProcedureReason", "A complaint about a specific professional: the complaints procedure applies");
    }
    if (strategyAgreeBy != null) {
      vars.put("strategyAgreeBy", strategyAgreeBy);
    }
    return vars;
  }

  public static Map<String, Object> strategy(String outcome) {
    return Map.of("contactType", "online-meeting", "conflictResolutionStrategy", "Joint review of the referral by both teams",
        "stageOutcome", outcome);
  }

  public static Map<String, Object> phoneContact() {
    return Map.of("whoCalled", "sl-called-practitioner", "phoneContactOn", "2026-09-10", "contactSummary", "Went through stages 1 and 2");
  }

  /** Section B rows (Json, as Tasklist saves a dynamic list), the latest "by when" last. */
  public static String actionPlan(String... byWhen) {
    StringBuilder rows = new StringBuilder("[");
    for (int i = 0; i < byWhen.length; i++) {
      rows.append(i == 0 ? "" : ",").append("{\"issue\":\"Threshold decision\",\"agreedAction\":\"Action ").append(i + 1)
          .append("\",\"byWhom\":\"Children's services team manager\",\"byWhen\":\"").append(byWhen[i]).append("\"}");
    }
    return rows.append("]").toString();
  }

  public static Map<String, Object> appendixA(String actionPlan) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("receivingSafeguardingLead", "Receiving SL (children's services)");
    vars.put("referralDate", "2026-09-10");
    vars.put("referrerName", "The police practitioner");
    vars.put("referringSafeguardingLead", "Referring SL (police)");
    vars.put("childrenConcerned", "[{\"childName\":\"Child A\",\"childDateOfBirth\":\"2019-05-01\"}]");
    vars.put("concernDescription", "Referral closed without a strategy discussion");
    vars.put("outcomeSought", "A strategy discussion");
    vars.put("actionPlan", actionPlan);
    return vars;
  }

  public static Map<String, Object> contactReferringSl() {
    return Map.of("contactType", "phone", "slContactOn", "2026-09-18", "slContactSummary", "Both actions completed");
  }

  public static Map<String, Object> outcome(String outcome, String notifyHeadOfService, String referToPdl) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("stageOutcome", outcome);
    vars.put("notifyHeadOfService", notifyHeadOfService);
    vars.put("referToPdl", referToPdl);
    vars.put("additionalComments", "Agreed at the SLs' call");
    vars.put("outstandingIssues", "None outstanding");
    if ("yes".equals(referToPdl)) {
      vars.put("learningPoints", "Police information should be weighed before closing a referral");
    }
    return vars;
  }

  public static Map<String, Object> senior(String outcome) {
    return Map.of("seniorLevelsEngaged", "Detective Superintendent and the Director of children's care",
        "partnershipMemberEngaged", "yes", "seniorOutcome", "No agreement on the threshold", "stageOutcome", outcome);
  }

  public static Map<String, Object> meetingDate() {
    return Map.of("scrutineerMeetingDate", "2026-09-25", "meetingParticipants", "Police, children's services");
  }

  public static Map<String, Object> meeting() {
    return Map.of("meetingHeldOn", "2026-09-25", "meetingMinuted", true, "agreedResolution", "A joint strategy discussion",
        "scrutineerRecommendation", "Children's services to hold a strategy discussion with the police");
  }

  public static Map<String, Object> actedUpon() {
    return Map.of("recommendationActedUpon", "yes", "actedUponDetails", "Strategy discussion held on 28 September");
  }

  /**
   * A REST body {@code {"variables": {...}}} (or a start body with a business key) as Tasklist sends
   * it: dynamic lists as Json variables, Booleans as Boolean, the rest as String.
   */
  public static String body(Map<String, Object> values, String businessKey) {
    String variables = new java.util.TreeMap<>(values).entrySet().stream()
        .map(e -> {
          Object v = e.getValue();
          String type = java.util.Set.of("actionPlan", "childrenConcerned").contains(e.getKey()) ? "Json"
              : v instanceof Boolean ? "Boolean" : v instanceof Number ? "Integer" : "String";
          String value = v instanceof Boolean || v instanceof Number ? v.toString()
              : "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
          return "\"%s\": {\"value\": %s, \"type\": \"%s\"}".formatted(e.getKey(), value, type);
        })
        .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    return businessKey == null ? "{\"variables\": " + variables + "}"
        : "{\"businessKey\": \"" + businessKey + "\", \"variables\": " + variables + "}";
  }

  public static Map<String, Object> pdlReferral() {
    return Map.of("pdlMeetingDate", "2026-10-14", "pdlReferralReference", "PDL October item 3");
  }
}
