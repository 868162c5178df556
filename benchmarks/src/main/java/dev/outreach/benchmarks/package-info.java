/**
 * Benchmark mains; each reports Outreach against a baseline measured in the same run, as a ratio.
 */
package dev.outreach.benchmarks;
