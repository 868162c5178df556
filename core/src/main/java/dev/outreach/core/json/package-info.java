/** Deterministic JSON text (compact for the wire, pretty for people) over Jakarta JSON-P. */
package dev.outreach.core.json;
