/**
 * Implementation shared by the report packages; not API: it may change in any release without
 * notice.
 */
package dev.outreach.report.internal;
