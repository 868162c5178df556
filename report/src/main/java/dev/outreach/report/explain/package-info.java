/**
 * Why a plan does what it does for one customer: the rules that fired, each decision and its fate
 * (planned, overridden, dropped, suppressing) and the requests that reach the customer, as text or
 * JSON.
 */
package dev.outreach.report.explain;
