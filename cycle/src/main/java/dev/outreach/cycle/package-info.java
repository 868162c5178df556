/**
 * The daily cycle of a collections strategy: {@link dev.outreach.cycle.DailyCycle} over a {@link
 * dev.outreach.cycle.FolderStore}.
 */
package dev.outreach.cycle;
