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
    assertThat(ObjectValues.refused(
        "{\"variables\":{\"o\":{\"type\":\"Object\",\"value\":\"rO0\",\"valueInfo\":"
            + "{\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}"))
        .contains("Java-serialized values are not accepted (variable 'o'); send objects as JSON (serializationDataFormat application/json).");
    assertThat(ObjectValues.refused(
        "{\"variables\":{\"note\":{\"value\":\"see application/x-java-serialized-object\",\"type\":\"String\"}}}")).isEmpty();
    assertThat(ObjectValues.refused("{\"variables\":{\"o\":{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":"
        + "{\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}}}")).isEmpty();
  }

  @Test
  void uploadsAreRefusedByTheirPartHeaders() {
    assertThat(ObjectValues.refusedUpload("--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"v\"\r\n"
        + "Content-Type: Application/X-Java-Serialized-Object\r\n\r\nrO0\r\n--b--\r\n")).isPresent();
    assertThat(ObjectValues.refusedUpload("--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"v\"\r\n"
        + "Content-Type: application/json\r\n\r\n{}\r\n--b\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n"
        + "java.lang.ProcessBuilder\r\n--b--\r\n")).isPresent();
    assertThat(ObjectValues.refusedUpload("--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"v.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Disposition: form-data; name=\"valueType\"\r\n\r\n"
        + "File\r\n--b--\r\n")).isEmpty();
  }
}
