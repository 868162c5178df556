package dev.outreach.cli;

import static org.assertj.core.api.Assertions.fail;

import dev.outreach.core.internal.JsonText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One headless Chromium tab driven over the DevTools protocol (a WebSocket, with the JDK's client):
 * open a page as a user would (its content security policy in force), wait for its script, and
 * evaluate code in it. The test harness, not the page, runs that code, so the page stays exactly as
 * written.
 */
final class DevTools implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

  private final Process browser;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonObject>> replies = new ConcurrentHashMap<>();

  private DevTools(Process browser, WebSocket.Builder builder, URI page) throws Exception {
    this.browser = browser;
    this.socket = builder.buildAsync(page, new Listener()).get(30, TimeUnit.SECONDS);
  }

  /** Starts {@code binary} headless with a fresh {@code profile} and connects to its one tab. */
  static DevTools start(String binary, Path profile) throws Exception {
    Process p =
        new ProcessBuilder(
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--window-size=1280,1800",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader err =
          new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      String browserUrl = null;
      for (String line; browserUrl == null && (line = err.readLine()) != null; ) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          browserUrl = m.group(1);
        }
      }
      if (browserUrl == null) {
        fail("chromium did not open its DevTools port");
      }
      Thread drain = new Thread(() -> err.lines().forEach(l -> {}), "chromium-stderr");
      drain.setDaemon(true);
      drain.start();
      URI http = URI.create(browserUrl.replaceFirst("^ws://([^/]+)/.*$", "http://$1/json/list"));
      HttpClient client = HttpClient.newHttpClient();
      String list =
          client
              .send(HttpRequest.newBuilder(http).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      String page =
          Json.createReader(new java.io.StringReader(list))
              .readArray()
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(t -> t.getString("type").equals("page"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no tab in " + list))
              .getString("webSocketDebuggerUrl");
      return new DevTools(p, client.newWebSocketBuilder(), URI.create(page));
    } catch (Exception | AssertionError e) {
      p.destroyForcibly();
      throw e;
    }
  }

  /** Sends a DevTools command and waits for its result. */
  JsonObject send(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> reply = new CompletableFuture<>();
    replies.put(id, reply);
    socket
        .sendText(
            JsonText.compact(
                Json.createObjectBuilder()
                    .add("id", id)
                    .add("method", method)
                    .add("params", params)
                    .build()),
            true)
        .get(30, TimeUnit.SECONDS);
    JsonObject r = reply.get(120, TimeUnit.SECONDS);
    if (r.containsKey("error")) {
      fail(method + " failed: " + r.get("error"));
    }
    return r.getJsonObject("result");
  }

  /**
   * Opens {@code url} and waits until the page's script has run (it marks the body {@code
   * data-ready}).
   */
  void open(String url) throws Exception {
    // From a blank page, so that a link to the same page with another #fragment loads it afresh.
    send("Page.navigate", Json.createObjectBuilder().add("url", "about:blank").build());
    send("Page.navigate", Json.createObjectBuilder().add("url", url).build());
    for (int i = 0; i < 600; i++) {
      if (evaluate(
              "document.readyState === 'complete' && document.body !== null"
                  + " && document.body.getAttribute('data-ready') === 'true'")
          .equals(JsonValue.TRUE)) {
        return;
      }
      Thread.sleep(50);
    }
    fail(url + " did not finish loading");
  }

  /** Evaluates {@code expression} in the page (awaiting a promise) and returns its value. */
  JsonValue evaluate(String expression) throws Exception {
    JsonObject r =
        send(
            "Runtime.evaluate",
            Json.createObjectBuilder()
                .add("expression", expression)
                .add("awaitPromise", true)
                .add("returnByValue", true)
                .build());
    if (r.containsKey("exceptionDetails")) {
      fail("the page threw: " + r.getJsonObject("exceptionDetails"));
    }
    JsonObject value = r.getJsonObject("result");
    return value.containsKey("value") ? value.get("value") : JsonValue.NULL;
  }

  @Override
  public void close() {
    socket.abort();
    browser.destroyForcibly();
    try {
      browser.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        JsonObject message = JsonText.parseObject(text.toString());
        text.setLength(0);
        if (message.containsKey("id")) {
          CompletableFuture<JsonObject> reply = replies.remove(message.getInt("id"));
          if (reply != null) {
            reply.complete(message);
          }
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      replies.values().forEach(r -> r.completeExceptionally(error));
    }
  }
}
