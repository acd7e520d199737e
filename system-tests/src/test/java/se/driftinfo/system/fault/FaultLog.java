package se.driftinfo.system.fault;

/** Progress of the fault suite on the console: {@code [fault +12.3 s] …}, from the suite's start. */
final class FaultLog {

    private static final long T0 = System.nanoTime();

    private FaultLog() {}

    static void line(String format, Object... args) {
        System.out.printf("[fault +%6.1f s] %s%n", (System.nanoTime() - T0) / 1e9, String.format(format, args));
    }
}
