/**
 * Extension points of the rules module, implemented by other artifacts and found with {@link
 * java.util.ServiceLoader}.
 */
package dev.outreach.rules.spi;
