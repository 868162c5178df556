package dev.outreach.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdkLoggingTest {
  static final String TOKEN = "t0ken-logged";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "headers",
        "all",
        "HEADERS",
        "All",
        "errors,headers",
        "requests, headers ",
        "frames,all"
      })
  void refusesToBuildOrSendWhileTheJdkWouldLogHeaders(String value) throws Exception {
    try (FakeServer server = new FakeServer()) {
      OutreachClient client = OutreachClient.builder(server.uri()).token(TOKEN).build();
      System.setProperty(JdkLogging.LOG, value);
      try {
        assertThatThrownBy(
                () -> OutreachClient.builder(URI.create("http://127.0.0.1:9")).token(TOKEN).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("jdk.httpclient.HttpClient.log=" + value)
            .hasMessageContaining("token")
            .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> client.send("/api/v1/initiate/C/sms", new byte[] {'{', '}'}, "k"))
            .isInstanceOf(IllegalStateException.class);
        assertThat(server.requestCount()).isZero();
      } finally {
        System.clearProperty(JdkLogging.LOG);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "errors",
        "requests",
        "errors,requests,ssl",
        "content",
        "frames:all",
        "trace,channel",
        ""
      })
  void logsThatNeverShowHeadersAreAllowed(String value) {
    System.setProperty(JdkLogging.LOG, value);
    try {
      assertThat(OutreachClient.builder(URI.create("http://127.0.0.1:9")).token(TOKEN).build())
          .isNotNull();
    } finally {
      System.clearProperty(JdkLogging.LOG);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk.internal.httpclient.debug", "jdk.internal.httpclient.hpack.debug"})
  void refusesTheClientsInternalDebugOutput(String property) {
    System.setProperty(property, "true");
    try {
      assertThatThrownBy(
              () -> OutreachClient.builder(URI.create("http://127.0.0.1:9")).token(TOKEN).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(property + "=true");
      System.setProperty(property, "false");
      assertThat(OutreachClient.builder(URI.create("http://127.0.0.1:9")).token(TOKEN).build())
          .isNotNull();
    } finally {
      System.clearProperty(property);
    }
  }
}
