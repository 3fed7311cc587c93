package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the guard treats as an expression or a Java-serialized value, and what it lets through. */
class RequestGuardFilterTest {

  @Test
  void expressionsAnywhereOutsideVariableValuesAreFound() {
    assertThat(RequestGuardFilter.findExpression("{\"orQueries\":[{\"or\":[{\"assigneeExpression\":\"#{x}\"}]}]}"))
        .contains("orQueries[0].or[0].assigneeExpression");
    assertThat(RequestGuardFilter.findExpression("{\"processInstanceBusinessKeyLike\":\"\\u0024{1+1}\"}"))
        .contains("processInstanceBusinessKeyLike");
  }

  @Test
  void variableValuesAndPlainTextPass() {
    assertThat(RequestGuardFilter.findExpression(
        "{\"variables\":{\"disputeSummary\":{\"value\":\"costs ${100}\",\"type\":\"String\"}}}")).isEmpty();
    assertThat(RequestGuardFilter.findExpression("{\"assignee\":\"nssab.police.line-manager\"}")).isEmpty();
  }

  @Test
  void onlyADeclaredJavaSerializationIsRefused() {
    assertThat(RequestGuardFilter.declaresJavaSerialization(
        "{\"variables\":{\"o\":{\"type\":\"Object\",\"value\":\"rO0\",\"valueInfo\":"
            + "{\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}")).isTrue();
    assertThat(RequestGuardFilter.declaresJavaSerialization(
        "{\"variables\":{\"note\":{\"value\":\"see application/x-java-serialized-object\",\"type\":\"String\"}}}")).isFalse();
    assertThat(RequestGuardFilter.declaresJavaSerialization(
        "{\"variables\":{\"o\":{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":{\"serializationDataFormat\":\"application/json\"}}}}"))
        .isFalse();
  }
}
