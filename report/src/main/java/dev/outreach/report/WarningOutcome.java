package dev.outreach.report;

import java.util.regex.Pattern;

/**
 * What a per-customer warning says became of the contact, read from the message the planner wrote
 * (the plan JSON keeps only that sentence): its channel, whether it was moved or dropped, and for a
 * move the day and hour it was moved to, in the customer's local time.
 *
 * <p>The planner writes a dropped contact as {@code CALL not planned: …} and a moved one as {@code
 * call at Sat 2025-08-09 10:00 Asia/Kolkata is …; moved to Mon 2025-08-11 08:00} (just {@code moved
 * to 08:00} when it stays on its day). Anything else (a customer kept out of a batch's folder) is a
 * note.
 *
 * @param channel {@code CALL}, {@code SMS}, {@code WHATSAPP}, or {@code -} when the message names
 *     none
 * @param bucket {@code dropped}, {@code note}, or {@code moved to DAY HH} where DAY is {@code Mon
 *     2025-08-11} or {@code the same day}: moves to the same day and hour share a group
 * @param at for a move, the exact time it names ({@code Mon 2025-08-11 08:00} or {@code 08:00}),
 *     else null
 */
record WarningOutcome(String channel, String bucket, String at) {
  static final String DROPPED = "dropped";
  static final String NOTE = "note";
  private static final String NOT_PLANNED = " not planned: ";
  private static final String MOVED = "; moved to ";

  /** {@code Mon 2025-08-11 08:00}, {@code 08:00}, either perhaps with seconds. */
  private static final Pattern AT =
      Pattern.compile("([A-Z][a-z]{2} \\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2}(:\\d{2})?");

  static WarningOutcome of(String message) {
    String m = message;
    int drop = m.indexOf(NOT_PLANNED);
    if (drop > 0 && isChannel(m.substring(0, drop))) {
      return new WarningOutcome(m.substring(0, drop), DROPPED, null);
    }
    int move = m.lastIndexOf(MOVED);
    if (move > 0) {
      String at = m.substring(move + MOVED.length());
      if (AT.matcher(at).matches()) {
        int space = at.lastIndexOf(' ');
        String hhmm = at.substring(space + 1);
        String day = space < 0 ? "the same day" : at.substring(0, space);
        return new WarningOutcome(
            channelOfNoun(m), "moved to " + day + " " + hhmm.substring(0, 2), at);
      }
      return new WarningOutcome(channelOfNoun(m), "moved to " + at, at);
    }
    return new WarningOutcome("-", NOTE, null);
  }

  private static boolean isChannel(String s) {
    return s.equals("CALL") || s.equals("SMS") || s.equals("WHATSAPP");
  }

  /** The channel of a message that starts with its noun: {@code call at …}, {@code SMS at …}. */
  private static String channelOfNoun(String m) {
    if (m.startsWith("call ")) {
      return "CALL";
    }
    if (m.startsWith("SMS ")) {
      return "SMS";
    }
    return m.startsWith("WhatsApp message ") ? "WHATSAPP" : "-";
  }
}
