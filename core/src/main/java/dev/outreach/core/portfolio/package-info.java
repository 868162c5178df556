/**
 * Reading a portfolio (CSV or JSON Lines) into {@link dev.outreach.core.Customer}s, all or nothing,
 * with every problem named by file, line and column.
 */
package dev.outreach.core.portfolio;
