/**
 * The API's filter semantics: {@link dev.outreach.core.filter.Filters} (which customers of a
 * campaign a request selects), its JSON form, and evaluation over a portfolio snapshot.
 */
package dev.outreach.core.filter;
