/**
 * Reports as self-contained HTML pages (inline style, script and SVG; they load nothing): the plan
 * report with charts and a customer search ({@link dev.outreach.report.html.HtmlReport}) and the
 * plan diff ({@link dev.outreach.report.html.HtmlDiff}). Every text is escaped; phone numbers are
 * masked.
 */
package dev.outreach.report.html;
