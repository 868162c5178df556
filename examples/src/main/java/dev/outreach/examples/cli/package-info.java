/** The {@code outreach} command-line program: {@code plan} (a dry run) and {@code demo}. */
package dev.outreach.examples.cli;
