package io.aipulse.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The linear-time check of {@link LinearTimeTest} for any work on input: the work on 128 KiB, 256 KiB,
 * 512 KiB and 1 MiB of input, each the best of 3 runs in thread CPU time after a warm-up (other processes
 * share this machine's two cores); asserted: time(1 MiB) &lt; 12 x time(128 KiB) + 150 ms (linear is 8x). The
 * times are printed, never asserted as such: absolute times depend on the machine's state.
 */
final class LinearTime {

    static final int[] SIZES = {128 * 1024, 256 * 1024, 512 * 1024, 1024 * 1024};
    private static final long CONSTANT_NANOS = 150_000_000L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private LinearTime() {
    }

    /** @param workOn the work on an input of about the given number of bytes (built before it is timed) */
    static void assertLinear(String name, IntFunction<Runnable> workOn) {
        List<Long> best = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        measure(workOn.apply(SIZES[0])); // warm-up: JIT and the first-use tables
        // and once at the largest size: after other test classes the JIT may first recompile this path there
        measure(workOn.apply(SIZES[SIZES.length - 1]));
        for (int size : SIZES) {
            Runnable work = workOn.apply(size);
            long bestCpu = Long.MAX_VALUE;
            long bestWall = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long[] t = measure(work);
                bestCpu = Math.min(bestCpu, t[0]);
                bestWall = Math.min(bestWall, t[1]);
            }
            best.add(bestCpu);
            wall.add(bestWall);
        }
        String line = report(name, best, wall);
        System.out.println(line);
        assertThat(best.get(3)).as("%s: time(1 MiB) < 12 x time(128 KiB) + 150 ms; %s", name, line)
                .isLessThan(12 * best.get(0) + CONSTANT_NANOS);
    }

    private static String report(String name, List<Long> best, List<Long> wall) {
        StringBuilder line = new StringBuilder("[linear] " + name + ":");
        for (int i = 0; i < SIZES.length; i++) {
            line.append(String.format(" %dKiB=%.0fms", SIZES[i] / 1024, best.get(i) / 1e6));
        }
        line.append(String.format(" CPU; ratio 1MiB/128KiB=%.1f; wall", (double) best.get(3) / Math.max(1, best.get(0))));
        for (int i = 0; i < SIZES.length; i++) {
            line.append(String.format(" %dKiB=%.0fms", SIZES[i] / 1024, wall.get(i) / 1e6));
        }
        return line.toString();
    }

    /** {thread CPU nanos, wall nanos} of running {@code work} once. */
    private static long[] measure(Runnable work) {
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        work.run();
        return new long[] {CPU.getCurrentThreadCpuTime() - cpu0, System.nanoTime() - wall0};
    }

    /** {@code unit} repeated until the text is at least {@code bytes} of UTF-8 (and at most one unit more). */
    static String repeatToBytes(String unit, int bytes) {
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        return unit.repeat((bytes + unitBytes - 1) / unitBytes);
    }
}
