/**
 * The shipped sample: a deterministic synthetic portfolio generator and the sample rules' location.
 */
package dev.outreach.examples.sample;
