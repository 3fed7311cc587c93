package uk.safeguarding.escalation.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import uk.safeguarding.escalation.security.ProductionCredentialsCheck.MissingAdminCredentialsException;

/** Reports missing production credentials as Spring Boot's short failure summary, without a stack trace. */
public class MissingAdminCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdminCredentialsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminCredentialsException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Export ESCALATION_ADMIN_USER and ESCALATION_ADMIN_PASSWORD, then start again.", cause);
  }
}
