package dev.outreach.sandbox;

import dev.outreach.core.internal.JsonText;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One authenticated request to a known endpoint, as an endpoint sees it.
 *
 * @param params the path's variable segments in order (e.g. the campaign id and the channel)
 * @param query the query parameters (the first value of each)
 * @param idempotencyKey the {@code X-Idempotency-Key} header, or {@code null}
 * @param failFirst how many customers or records a {@link Fault#partial(int)} fault fails; 0 for
 *     none
 */
record Call(
    String method,
    String path,
    List<String> params,
    Map<String, String> query,
    byte[] body,
    String idempotencyKey,
    int failFirst) {

  Call {
    params = List.copyOf(params);
    query = Map.copyOf(query);
  }

  String param(int i) {
    return params.get(i);
  }

  /** The body as a JSON object, or a 400 {@link Problem} saying why it is not one. */
  JsonObject json() {
    try {
      return JsonText.parseObject(utf8(body));
    } catch (IllegalArgumentException e) {
      throw Problem.invalid(e.getMessage());
    }
  }

  /** The body as a JSON object; an empty body is an empty object. */
  JsonObject jsonOrEmpty() {
    return body.length == 0 || utf8(body).isBlank() ? JsonObject.EMPTY_JSON_OBJECT : json();
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw Problem.invalid("body is not UTF-8");
    }
  }
}
