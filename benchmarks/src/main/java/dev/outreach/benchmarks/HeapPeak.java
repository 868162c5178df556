package dev.outreach.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples used heap every few milliseconds on a daemon thread and keeps the highest value seen. */
final class HeapPeak implements AutoCloseable {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peak;

  private HeapPeak() {
    sampler =
        new Thread(
            () -> {
              while (running) {
                peak = Math.max(peak, used());
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-peak");
    sampler.setDaemon(true);
    sampler.start();
  }

  static HeapPeak start() {
    return new HeapPeak();
  }

  /** Used heap after asking for a full collection: what is really retained. */
  static long retained() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return used();
  }

  static long used() {
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  long peak() {
    return Math.max(peak, used());
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
