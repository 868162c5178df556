/**
 * Decision tables for {@code outreach-rules}: add this artifact and {@code RuleSet.load} reads
 * {@code .xlsx}, {@code .xls} and {@code .csv} tables beside DRL files.
 */
package dev.outreach.decisiontables;
