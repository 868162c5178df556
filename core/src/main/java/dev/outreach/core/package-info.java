/**
 * The domain every module shares: {@link dev.outreach.core.Customer} (one loan account) and {@link
 * dev.outreach.core.Channel}. Planning lives in {@code plan}, decisions in {@code decision}.
 */
package dev.outreach.core;
