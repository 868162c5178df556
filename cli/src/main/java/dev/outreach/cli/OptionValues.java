package dev.outreach.cli;

import dev.outreach.core.experiment.Experiment;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters that check option values as they are parsed, so a bad one is a usage error (exit 2)
 * naming the option and the values it takes. Picocli prefixes each message with {@code Invalid
 * value for option '--NAME': }.
 */
final class OptionValues {
  private OptionValues() {}

  /** The policy presets of {@code --policy}. */
  static final List<String> PRESETS =
      List.of("rbi", "us-reg-f", "us", "us-fl", "us-wa", "us-ma", "none");

  /** {@code --policy}: a preset (any case) or an existing policy file. */
  static final class Policy implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String preset = value.strip().toLowerCase(Locale.ROOT);
      if (PRESETS.contains(preset)) {
        return preset;
      }
      Path file;
      try {
        file = Path.of(value);
      } catch (InvalidPathException e) {
        file = null;
      }
      if (file != null && Files.isRegularFile(file)) {
        return value;
      }
      String why =
          file != null && Files.isDirectory(file)
              ? "; " + value + " is a folder"
              : value.contains("/") || value.contains("\\") || value.contains(".")
                  ? "; there is no file " + value
                  : "";
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a policy: use a preset ("
              + String.join(", ", PRESETS)
              + ") or the path of a policy JSON file"
              + why);
    }
  }

  /**
   * {@code --experiment}: {@code NAME=ARM:WEIGHT,ARM:WEIGHT}, checked as the planner will read it.
   */
  static final class ExperimentSpec implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        Experiment.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            e.getMessage()
                + "; e.g. tone=champion:80,challenger:20 (a name, then"
                + " two or more arms, each with a whole positive weight)");
      }
      return value;
    }
  }

  /** {@code --campaign}: a campaign id, which goes into request paths. */
  static final class Campaign implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!dev.outreach.core.plan.PlanValidation.isPathSegment(value)) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not a campaign id: give the API's id of the"
                + " campaign (letters, digits, '.', '_', '~', '-'; it goes into request paths as it is)");
      }
      return value;
    }
  }

  /** {@code experiments}, refusing two with one name (each would put every customer in an arm). */
  static List<Experiment> distinct(List<Experiment> experiments, CommandLine cli) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Experiment e : experiments) {
      if (!names.add(e.name())) {
        throw new ParameterException(
            cli,
            "Invalid value for option '--experiment': experiment "
                + e.name()
                + " is given twice; give each experiment once, with all its arms");
      }
    }
    return experiments;
  }

  /** {@code --currency}: INR, USD, EUR, GBP, none or an ISO 4217 code. */
  static final class Currency implements ITypeConverter<dev.outreach.report.money.MoneyFormat> {
    @Override
    public dev.outreach.report.money.MoneyFormat convert(String value) {
      try {
        return dev.outreach.report.money.MoneyFormat.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --buckets}: increasing whole numbers of days, e.g. {@code 0,30,60,90}. */
  static final class BucketEdges implements ITypeConverter<dev.outreach.report.money.Buckets> {
    @Override
    public dev.outreach.report.money.Buckets convert(String value) {
      try {
        return dev.outreach.report.money.Buckets.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --zone}: an IANA zone id or an offset. */
  static final class Zone implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value.strip());
      } catch (DateTimeException e) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not a time zone: use an IANA id such as"
                + " Asia/Kolkata or America/New_York, or an offset such as +05:30");
      }
    }
  }

  /** {@code --as-of}: a date and time with its offset. */
  static final class Time implements ITypeConverter<OffsetDateTime> {
    @Override
    public OffsetDateTime convert(String value) {
      try {
        return OffsetDateTime.parse(value.strip());
      } catch (DateTimeException e) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not a date and time with an offset, such as"
                + " 2025-08-05T09:00:00+05:30");
      }
    }
  }

  /**
   * {@code --token-env}: the name of an environment variable. A value that cannot be one (say the
   * token itself, pasted by mistake) is refused without being repeated.
   */
  static final class EnvName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
        throw new TypeConversionException(
            "expected the NAME of an environment variable (letters, digits and _,"
                + " e.g. OUTREACH_TOKEN) that holds the token, never the token itself; the value given is not repeated"
                + " here");
      }
      return value;
    }
  }

  /**
   * {@code --base-url}: an {@code https} URL (plain {@code http} only to loopback) with no user
   * name, password, query or fragment. Messages never repeat a password or query.
   */
  static final class BaseUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      URI uri;
      try {
        uri = new URI(value.strip());
      } catch (URISyntaxException e) {
        throw new TypeConversionException(
            credentials(value)
                ? CREDENTIALS
                : "not a URL; expected one like https://api.agents.timepay.ai");
      }
      if (uri.getRawUserInfo() != null || credentials(value)) {
        throw new TypeConversionException(CREDENTIALS);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
        throw new TypeConversionException(
            "expected a URL like https://api.agents.timepay.ai"
                + " (https://HOST[:PORT][/PREFIX])");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new TypeConversionException(
            "the URL must not have a query (?…) or fragment (#…): give the API's"
                + " base, like https://"
                + uri.getHost()
                + ", and the token in the variable named by --token-env");
      }
      if (scheme.equals("http") && !loopback(uri.getHost())) {
        throw new TypeConversionException(
            "use https://"
                + uri.getHost()
                + ": plain http is allowed only to"
                + " this machine (localhost, 127.0.0.1, [::1]), as for a sandbox");
      }
      return uri;
    }

    private static final String CREDENTIALS =
        "the URL must not hold a user name or password (user:…@host): "
            + "put the API token in an environment variable and name it with --token-env, e.g. "
            + "--token-env OUTREACH_TOKEN";

    /** Whether {@code value} has {@code user@} or {@code user:password@} before its host. */
    private static boolean credentials(String value) {
      int start = value.indexOf("://");
      String rest = start < 0 ? value : value.substring(start + 3);
      int end = rest.length();
      for (char c : new char[] {'/', '?', '#'}) {
        int i = rest.indexOf(c);
        if (i >= 0 && i < end) {
          end = i;
        }
      }
      return rest.substring(0, end).contains("@");
    }

    private static boolean loopback(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      return h.equals("localhost")
          || h.matches("127(\\.\\d{1,3}){3}")
          || h.equals("[::1]")
          || h.equals("::1");
    }
  }
}
