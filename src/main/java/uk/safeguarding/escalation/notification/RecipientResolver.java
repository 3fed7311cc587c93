package uk.safeguarding.escalation.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Turns groups and user IDs into people with addresses, from Camunda's identity service. */
@Component
class RecipientResolver {

  private final IdentityService identityService;

  RecipientResolver(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Everyone named, once each, in a stable order; users without an email address are kept with a null address. */
  Map<String, Recipient> resolve(Collection<String> groups, Collection<String> users) {
    Map<String, Recipient> byUser = new LinkedHashMap<>();
    for (String group : groups) {
      for (User user : identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
        byUser.putIfAbsent(user.getId(), toRecipient(user));
      }
    }
    for (String userId : users) {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        throw new NotificationException("User '" + userId + "' to be notified does not exist");
      }
      byUser.putIfAbsent(user.getId(), toRecipient(user));
    }
    return byUser;
  }

  private static Recipient toRecipient(User user) {
    String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    return new Recipient(user.getId(), email);
  }
}
