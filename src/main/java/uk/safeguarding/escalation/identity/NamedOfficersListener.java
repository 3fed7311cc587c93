package uk.safeguarding.escalation.identity;

import static uk.safeguarding.escalation.casefile.CaseVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.casefile.ProcessKeys;

/**
 * {@code ${namedOfficers}} ("start" listener of a stage that needs it): copies the raising and the
 * receiving agency's named officers for advice on conflict resolution (partnerships.yml,
 * {@code named-officers} of each agency; BSCP's Appendix B) into the case, so that the stage's form
 * shows them read-only. Read when the stage begins, so an administrator's correction applies to the
 * next stage of a running case.
 */
@Component("namedOfficers")
public class NamedOfficersListener implements ExecutionListener {

  public static final String RAISING_AGENCY_NAMED_OFFICERS = "raisingAgencyNamedOfficers";
  public static final String RECEIVING_AGENCY_NAMED_OFFICERS = "receivingAgencyNamedOfficers";
  static final String NOT_RECORDED = "Not recorded for this agency yet: ask your agency's safeguarding lead, "
      + "and the partnership's business manager to add them.";

  private final Partnerships partnerships;

  public NamedOfficersListener(Partnerships partnerships) {
    this.partnerships = partnerships;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Optional<Partnership> partnership = partnerships.byCode(ProcessKeys.partnership(execution.getProcessDefinitionId()));
    execution.setVariable(RAISING_AGENCY_NAMED_OFFICERS, officers(partnership, execution.getVariable(RAISING_AGENCY)));
    execution.setVariable(RECEIVING_AGENCY_NAMED_OFFICERS, officers(partnership, execution.getVariable(RECEIVING_AGENCY)));
  }

  static String officers(Optional<Partnership> partnership, Object agencyCode) {
    return partnership.filter(p -> agencyCode != null && p.hasAgency(agencyCode.toString()))
        .map(p -> p.agency(agencyCode.toString()))
        .map(a -> a.name() + ": " + (a.namedOfficers() == null || a.namedOfficers().isBlank() ? NOT_RECORDED : a.namedOfficers().strip()))
        .orElse(NOT_RECORDED);
  }
}
