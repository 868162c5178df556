package dev.outreach.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutreachClientBuilderTest {
  static final String TOKEN = "s3cr3t-T0ken";
  static final URI LOOPBACK = URI.create("http://127.0.0.1:9");

  @Test
  void httpsIsRequiredUnlessLoopback() {
    assertThatThrownBy(
            () ->
                OutreachClient.builder(URI.create("http://api.agents.timepay.ai"))
                    .token(TOKEN)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https")
        .hasMessageNotContaining(TOKEN);
    for (String remote :
        List.of(
            "http://128.0.0.1",
            "http://127.0.0.1.example.com",
            "http://[::2]",
            "ftp://localhost")) {
      assertThatThrownBy(() -> OutreachClient.builder(URI.create(remote)).token(TOKEN).build())
          .as(remote)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String ok :
        List.of(
            "http://localhost:8080",
            "http://127.1.2.3",
            "http://[::1]:9000",
            "https://example.com")) {
      assertThat(OutreachClient.builder(URI.create(ok)).token(TOKEN).build().baseUri())
          .hasToString(ok);
    }
  }

  @Test
  void credentialsQueryAndFragmentInTheBaseUriAreRefused() {
    assertThatThrownBy(
            () ->
                OutreachClient.builder(URI.create("https://user:pw@example.com"))
                    .token(TOKEN)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pw");
    assertThatThrownBy(
            () ->
                OutreachClient.builder(URI.create("https://example.com/?a=b")).token(TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokenIsRequiredAndNeverShown() {
    assertThatThrownBy(() -> OutreachClient.builder(LOOPBACK).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token is required");
    assertThatThrownBy(() -> OutreachClient.builder(LOOPBACK).token(TOKEN + " \n").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(TOKEN);
    OutreachClient client = OutreachClient.builder(LOOPBACK).token(TOKEN).build();
    assertThatThrownBy(() -> client.send("no-slash", new byte[0], "k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(TOKEN);
    assertThatThrownBy(() -> client.send("/api/v1/initiate/C/calls", new byte[0], "bad key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(TOKEN);
    assertThat(client.toString()).doesNotContain(TOKEN).contains("127.0.0.1:9");
    assertThat(OutreachClient.builder(LOOPBACK).token(TOKEN).toString()).doesNotContain(TOKEN);
  }

  @Test
  void requestTimeoutMustBePositive() {
    assertThatThrownBy(() -> OutreachClient.builder(LOOPBACK).requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
