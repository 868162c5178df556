/**
 * Follow-up plans: {@link dev.outreach.http.followup.FollowUpPlans} turns an executed plan and its
 * journal into a plan for exactly the customers the API reported failed.
 */
package dev.outreach.http.followup;
