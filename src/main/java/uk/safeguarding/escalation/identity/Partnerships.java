package uk.safeguarding.escalation.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

/**
 * The partnerships this engine serves: {@code escalation.roles} and {@code escalation.partnerships}
 * of src/main/resources/partnerships.yml, or of the file ESCALATION_PARTNERSHIPS_FILE names, bound
 * by Spring Boot's binder. Checked once at start-up, so a mistake in the file stops the application
 * with a sentence naming it rather than producing groups nobody can route to.
 */
public record Partnerships(List<Role> roles, List<Partnership> partnerships) {

  static final String PREFIX = "escalation";

  /** Partnership codes prefix group IDs joined by hyphens, so they have none of their own. */
  static final Pattern CODE = Pattern.compile("[a-z0-9]+");
  /** Agency and role codes: the engine's group-ID whitelist. */
  static final Pattern PART = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Partnerships {
    roles = roles == null ? List.of() : List.copyOf(roles);
    List<Partnership> resolved = new ArrayList<>();
    for (Partnership p : partnerships == null ? List.<Partnership>of() : partnerships) {
      resolved.add(p.withRoles(roles));
    }
    partnerships = List.copyOf(resolved);
    validate(partnerships);
  }

  /** Reads a partnerships file (YAML). */
  public static Partnerships load(Resource yaml) {
    try {
      List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(yaml.getDescription(), yaml);
      return new Binder(ConfigurationPropertySources.from(sources)).bind(PREFIX, Partnerships.class)
          .orElseThrow(() -> new IllegalArgumentException(yaml.getDescription() + " has no " + PREFIX + ".partnerships"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the partnerships file " + yaml.getDescription(), e);
    }
  }

  public List<Partnership> all() {
    return partnerships;
  }

  public Optional<Partnership> byProcessKey(String processKey) {
    return partnerships.stream().filter(p -> p.processKey().equals(processKey)).findFirst();
  }

  public Optional<Partnership> byCode(String code) {
    return partnerships.stream().filter(p -> p.code().equals(code)).findFirst();
  }

  private static void validate(List<Partnership> partnerships) {
    require(!partnerships.isEmpty(), "escalation.partnerships lists no partnership");
    Set<String> codes = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (Partnership p : partnerships) {
      String at = "partnership '" + p.code() + "': ";
      require(p.code() != null && CODE.matcher(p.code()).matches(), at + "code must match " + CODE);
      require(codes.add(p.code()), at + "code is listed twice");
      require(notBlank(p.name()), at + "name is missing");
      require(notBlank(p.processKey()) && PART.matcher(p.processKey()).matches(),
          at + "process-key must match " + PART);
      require(keys.add(p.processKey()), at + "process-key " + p.processKey() + " belongs to another partnership");
      require(!p.agencies().isEmpty(), at + "lists no agencies");
      Set<String> names = new HashSet<>();
      for (Agency a : p.agencies()) {
        require(a.code() != null && PART.matcher(a.code()).matches(), at + "agency code '" + a.code() + "' must match " + PART);
        require(notBlank(a.name()), at + "agency " + a.code() + " has no name");
        require(names.add(a.code()), at + "agency " + a.code() + " is listed twice");
      }
      for (String demo : p.demoAgencies()) {
        require(p.hasAgency(demo), at + "demo agency " + demo + " is not one of its agencies");
      }
      require(!p.roles().isEmpty(), at + "has no roles (escalation.roles or its own roles)");
      for (Role r : p.roles()) {
        require(r.code() != null && PART.matcher(r.code()).matches(), at + "role code '" + r.code() + "' must match " + PART);
        require(r.scope() != null, at + "role " + r.code() + " needs a scope (agency or partnership)");
        require(!GroupIds.BOARD_ADMIN_ROLE.equals(r.code()), at + "role " + r.code() + " is reserved");
        require(names.add(r.code()), at + "role " + r.code() + " is listed twice or is also an agency code");
      }
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("Partnerships configuration: " + message);
    }
  }
}
