/**
 * The batch calls endpoints: {@link dev.outreach.http.batch.BatchCalls} lists (with paging), gets,
 * creates, updates, deletes, schedules, pauses and resumes {@link
 * dev.outreach.http.batch.BatchCall}s.
 */
package dev.outreach.http.batch;
