/** Implementation shared between Outreach's packages; not an API: it may change in any release. */
package dev.outreach.core.internal;
