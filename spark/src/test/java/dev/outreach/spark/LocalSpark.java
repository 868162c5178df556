package dev.outreach.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session of one test class: {@code local[2]}, no web UI. */
final class LocalSpark {
  private LocalSpark() {}

  /** A session named {@code app}, with {@code settings} given as key, value, key, value… */
  static SparkSession start(String app, String... settings) {
    SparkSession.Builder b =
        SparkSession.builder().master("local[2]").appName(app).config("spark.ui.enabled", "false");
    for (int i = 0; i + 1 < settings.length; i += 2) {
      b.config(settings[i], settings[i + 1]);
    }
    return b.getOrCreate();
  }
}
