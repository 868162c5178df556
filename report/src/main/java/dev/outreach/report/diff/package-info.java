/**
 * How two plans of the same portfolio differ, customer by customer (say under the rules in
 * production and a proposed change): who is newly contacted, no longer contacted, on another
 * channel, at another time or with another agent or template; as text, JSON or HTML ({@code
 * report.html.HtmlDiff}).
 */
package dev.outreach.report.diff;
