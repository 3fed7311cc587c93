package uk.safeguarding.escalation.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Buckinghamshire cases: start and stage values as Tasklist submits them. Education raises a
 * disagreement with children's services about a child; the case starts on Wednesday 19 May 2027,
 * before the spring bank holiday (Monday 31 May 2027).
 */
public final class BscpCases {

  public static final String START = "/engine-rest/process-definition/key/bscp-escalation/start";
  public static final String REFERENCE = "BSCP-2027-0519";

  /** Wednesday 19 May 2027, 10:00 in London. */
  public static final Instant OUTSET = NelCases.london("2027-05-19T10:00");

  private BscpCases() {}

  public static Map<String, Object> standardCase() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseReference", REFERENCE);
    vars.put("subjectType", "child");
    vars.put("raisingAgency", "education");
    vars.put("receivingAgency", "la-childrens");
    vars.put("receivingPractitionerName", "A. Social Worker");
    vars.put("escalationRoute", "standard");
    vars.put("disagreementCategory", "need-for-action");
    vars.put("disputeSummary", "The school believes the referral meets the threshold for an assessment.");
    vars.put("riskLevel", "standard");
    return vars;
  }

  public static Map<String, Object> onRoute(String route) {
    Map<String, Object> vars = standardCase();
    vars.put("escalationRoute", route);
    if ("life-threatening".equals(route)) {
      vars.put("immediateActionTaken", "Police welfare check requested; the school nurse stays with the young person.");
      vars.put("nonInvolvementDisputed", "yes");
    }
    return vars;
  }

  /** A stage's record (Appendix A): stage 1, 2 and 3 alike. */
  public static Map<String, Object> stage(String outcome) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("contactType", "meeting");
    vars.put("contactBetween", "Designated Safeguarding Lead and the social work team manager");
    vars.put("discussionSummary", "Reviewed the referral and the chronology");
    vars.put("stageOutcome", outcome);
    if ("resolved".equals(outcome)) {
      vars.put("agreedOutcome", "An assessment will start this week");
    }
    if ("natural-turn".equals(outcome)) {
      vars.put("resolvedByEvents", "yes");
      vars.put("closureReason", "The family moved out of the county; no policy issue was identified.");
    }
    return vars;
  }

  public static Map<String, Object> bscpInformed() {
    return Map.of("otherOrganisationAdvised", "yes", "bscpTeamInformedOn", "2027-06-01", "bscpInformedHow", "email");
  }

  public static Map<String, Object> legalAdvice(String outcome) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("legalAdviceSoughtOn", "2027-06-10");
    vars.put("legalAdviceSummary", "The decision is one for the Court of Protection.");
    vars.put("legalAdviceOutcome", outcome);
    if ("court-referral".equals(outcome)) {
      vars.put("courtReferral", "court-of-protection");
    }
    return vars;
  }

  public static Map<String, Object> cpChallenge(String outcome) {
    return Map.of("conferenceDate", "2027-05-18", "dissentMinuted", "yes",
        "discussionSummary", "The plan does not address the risk from the new partner", "stageOutcome", outcome);
  }

  public static Map<String, Object> cpDesignatedPerson(String outcome) {
    return Map.of("discussionSummary", "I share the concern about the risk of significant harm", "stageOutcome", outcome);
  }

  public static Map<String, Object> cpDetermination() {
    return Map.of("representationsConsidered", "The school's and the conference chair's", "cpDetermination", "reconvene-conference",
        "determinationDetails", "The conference reconvenes within 10 working days; both agencies told", "stageOutcome", "resolved");
  }

  public static Map<String, Object> ladoConsult(String outcome) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("ladoConsulted", "lado-not-consulted".equals(outcome) ? "no" : "yes");
    vars.put("ladoAdvice", "lado-not-consulted".equals(outcome) ? "The manager judged the threshold not met" : "Strategy discussion advised");
    vars.put("stageOutcome", outcome);
    return vars;
  }

  public static Map<String, Object> ladoDirectContact(String outcome) {
    return Map.of("ladoContactedDirectly", "yes", "ladoContactedOn", "2027-05-20",
        "discussionSummary", "The LADO will hold a strategy discussion", "stageOutcome", outcome);
  }

  public static Map<String, Object> namedSeniorOfficer(String outcome) {
    return Map.of("contactBetween", "The Named Senior Officers for Allegations of both agencies",
        "discussionSummary", "Agreed how the allegation is managed", "stageOutcome", outcome);
  }
}
