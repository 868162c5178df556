package dev.outreach.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class JdkRetriesTest {
  @Test
  void refusesToBuildOrSendWhileTheJdkWouldResendPosts() throws Exception {
    try (FakeServer server = new FakeServer()) {
      OutreachClient client = OutreachClient.builder(server.uri()).token("t0ken-x").build();
      System.setProperty(JdkRetries.PROPERTY, "true");
      try {
        assertThatThrownBy(
                () ->
                    OutreachClient.builder(URI.create("http://127.0.0.1:9"))
                        .token("t0ken-x")
                        .build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("jdk.httpclient.enableAllMethodRetry")
            .hasMessageContaining("re-send POST");
        assertThatThrownBy(() -> client.send("/api/v1/initiate/C/sms", new byte[] {'{', '}'}, "k"))
            .isInstanceOf(IllegalStateException.class);
        assertThat(server.requestCount()).isZero();
        System.setProperty(JdkRetries.PROPERTY, "false");
        OutreachClient.builder(server.uri()).token("t0ken-x").build();
      } finally {
        System.clearProperty(JdkRetries.PROPERTY);
      }
    }
  }
}
