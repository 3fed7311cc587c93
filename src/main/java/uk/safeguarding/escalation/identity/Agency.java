package uk.safeguarding.escalation.identity;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * An agency sitting on a partnership (partnerships.yml); the code appears in group IDs and start variables.
 *
 * @param namedOfficers optional reference text an administrator keeps in partnerships.yml
 *     ({@code named-officers}): whom to contact in this agency for advice on conflict resolution, by
 *     role (BSCP's Appendix B, "Named Officers for Advising on Conflict Resolution"). Shown on the
 *     forms of the stages that need it; never names from the protocols' sources.
 */
public record Agency(String code, String name, String namedOfficers) {

  @ConstructorBinding
  public Agency {}

  public Agency(String code, String name) {
    this(code, name, null);
  }
}
