package dev.outreach.rules;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kie.api.runtime.rule.Match;

/**
 * Makes a rule that ends the program fail loudly. Compiling refuses rules that call {@code
 * System.exit} or {@code Runtime.getRuntime()}, but a rule can still get there another way
 * (reflection, a helper class). A shutdown hook, installed once when rules are first evaluated,
 * looks at the threads evaluating rules right now: when one of them is inside {@code Runtime.exit},
 * a rule called it, and the hook prints which rule, file and customer to standard error and halts
 * the JVM with status 1 (overriding the status the rule asked for). Exits that do not come from a
 * rule (the host's own, a signal) are left alone.
 */
final class ExitGuard {
  private static final Set<BatchWatch> ACTIVE = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private ExitGuard() {}

  static void watch(BatchWatch w) {
    if (!INSTALLED.get() && INSTALLED.compareAndSet(false, true)) {
      try {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitGuard::onExit, "outreach-exit-guard"));
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: nothing left to guard
      }
    }
    ACTIVE.add(w);
  }

  static void unwatch(BatchWatch w) {
    ACTIVE.remove(w);
  }

  private static void onExit() {
    for (BatchWatch w : ACTIVE) {
      Thread t = w.thread();
      if (t != null && exiting(t.getStackTrace())) {
        Match m = w.firing();
        PrintStream err = System.err;
        err.println(
            "outreach: "
                + (m == null ? "a rule" : w.rule(m))
                + " tried to end the program (System.exit)"
                + " while evaluating "
                + w.customer(m)
                + "; rules must only decide, never stop the program."
                + " Stopping with exit status 1.");
        err.flush();
        Runtime.getRuntime().halt(1);
      }
    }
  }

  private static boolean exiting(StackTraceElement[] stack) {
    for (StackTraceElement e : stack) {
      if ((e.getClassName().equals("java.lang.Runtime")
              || e.getClassName().equals("java.lang.Shutdown"))
          && (e.getMethodName().equals("exit") || e.getMethodName().equals("halt"))) {
        return true;
      }
    }
    return false;
  }
}
