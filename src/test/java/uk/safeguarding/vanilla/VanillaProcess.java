package uk.safeguarding.vanilla;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;

/**
 * nssab-escalation's shape in Camunda's fluent model API: the same 10 user tasks in the same
 * order (5 timed stages, the Business Manager's decision, mediation, panel, Monitoring Form,
 * learning), the same 6 timers (a non-interrupting deadline timer on each of the 5 stages and a
 * non-interrupting whole-case timer in an event subprocess), the same gateways on
 * {@code stageOutcome}, {@code routeDecision} and {@code learningIdentified}, candidate groups and
 * an assignee; but no listeners, no validation, no notification steps. Deadlines are process
 * variables ({@code stageDeadline}, {@code caseDeadline}: ISO date-times the client sends at start).
 */
public final class VanillaProcess {

  public static final String KEY = "vanilla-escalation";
  /** The timed stages in order (their boundary timers are {@code <id>_Overdue}). */
  public static final String[] STAGES = {"Stage1Discussion", "Stage1LineManagers", "Stage2", "Stage3", "Stage4"};
  private static final String ESCALATE = "${stageOutcome == 'escalate'}";
  private static final String RESOLVED = "${stageOutcome == 'resolved'}";

  private VanillaProcess() {}

  public static BpmnModelInstance model() {
    ProcessBuilder process = Bpmn.createExecutableProcess(KEY).name("Vanilla escalation").camundaHistoryTimeToLive(2557);
    process.eventSubProcess("SubProcess_CaseOverdue")
        .startEvent("StartEvent_CaseOverdue").interrupting(false).timerWithDate("${caseDeadline}")
        .endEvent("EndEvent_CaseOverdue");
    BpmnModelInstance model = process
        .startEvent("Start").camundaInitiator("raisingPractitioner")
        .userTask("Stage1Discussion").camundaAssignee("${raisingPractitioner}").camundaDueDate("${stageDeadline}")
        .exclusiveGateway("Gateway_Stage1Discussion").condition("escalate", ESCALATE)
        .userTask("Stage1LineManagers").camundaCandidateGroups("nssab-${raisingAgency}-line-manager").camundaDueDate("${stageDeadline}")
        .exclusiveGateway("Gateway_Stage1LineManagers").condition("escalate", ESCALATE)
        .userTask("Stage2").camundaCandidateGroups("nssab-${raisingAgency}-second-tier-manager,nssab-${raisingAgency}-safeguarding-lead")
        .camundaDueDate("${stageDeadline}")
        .exclusiveGateway("Gateway_Stage2").condition("escalate", ESCALATE)
        .userTask("Stage3").camundaCandidateGroups("nssab-${raisingAgency}-senior-manager").camundaDueDate("${stageDeadline}")
        .exclusiveGateway("Gateway_Stage3").condition("escalate", ESCALATE)
        .userTask("Stage4").camundaCandidateGroups("nssab-${raisingAgency}-board-rep").camundaDueDate("${stageDeadline}")
        .exclusiveGateway("Gateway_Stage4").condition("escalate", ESCALATE)
        .userTask("DecideMediationOrPanel").camundaCandidateGroups("nssab-business-manager")
        .exclusiveGateway("Gateway_MediationOrPanel").condition("mediation", "${routeDecision == 'mediation'}")
        .userTask("RecordMediationOutcome").camundaCandidateGroups("nssab-business-manager")
        .exclusiveGateway("Gateway_Settled").condition("settled", RESOLVED)
        .exclusiveGateway("Gateway_Resolved")
        // ours: "resolved at stage 3 or later?"; the benchmark's cases always are
        .exclusiveGateway("Gateway_MonitoringFormDue").condition("monitoring", "${true}")
        .userTask("DistributeMonitoringForm").camundaCandidateGroups("nssab-business-manager")
        .userTask("ReferLearning").camundaAssignee("${raisingPractitioner}")
        .exclusiveGateway("Gateway_Learning").condition("no learning", "${learningIdentified != 'yes'}")
        .endEvent("End")
        // the panel: chosen, or mediation did not settle it
        .moveToNode("Gateway_MediationOrPanel").condition("panel", "${routeDecision != 'mediation'}")
        .userTask("RecordPanelDecision").camundaCandidateGroups("nssab-business-manager")
        .connectTo("Gateway_Resolved")
        .moveToNode("Gateway_Settled").condition("not settled", ESCALATE).connectTo("RecordPanelDecision")
        // resolved at a stage: straight to the resolution
        .moveToNode("Gateway_Stage1Discussion").condition("resolved", RESOLVED).connectTo("Gateway_Resolved")
        .moveToNode("Gateway_Stage1LineManagers").condition("resolved", RESOLVED).connectTo("Gateway_Resolved")
        .moveToNode("Gateway_Stage2").condition("resolved", RESOLVED).connectTo("Gateway_Resolved")
        .moveToNode("Gateway_Stage3").condition("resolved", RESOLVED).connectTo("Gateway_Resolved")
        .moveToNode("Gateway_Stage4").condition("resolved", RESOLVED).connectTo("Gateway_Resolved")
        .moveToNode("Gateway_MonitoringFormDue").condition("no monitoring form", "${false}").connectTo("ReferLearning")
        .moveToNode("Gateway_Learning").condition("learning", "${learningIdentified == 'yes'}").connectTo("End")
        .done();
    for (String stage : STAGES) {
      // a non-interrupting deadline timer on each stage, ending in "breach recorded" (no notification)
      model.<org.camunda.bpm.model.bpmn.instance.UserTask>getModelElementById(stage).builder()
          .boundaryEvent(stage + "_Overdue").cancelActivity(false).timerWithDate("${stageDeadline}")
          .endEvent(stage + "_OverdueRecorded");
    }
    return model;
  }
}
