/**
 * The {@code outreach} command-line program: {@code plan} (a dry run), {@code test-rules} (a rule
 * set against expected outcomes) and {@code demo}.
 */
package dev.outreach.cli;
