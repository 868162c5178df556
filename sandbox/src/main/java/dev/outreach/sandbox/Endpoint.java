package dev.outreach.sandbox;

/** Carries out one kind of request; may throw {@link Problem} to refuse it. */
@FunctionalInterface
interface Endpoint {
  Reply serve(Call call);
}
