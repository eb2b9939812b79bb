package io.upright.local.bench;

/** Runs one operation over and over, timing each, after some unmeasured warm-up runs. */
final class Timed {

    interface Operation {
        void run() throws Exception;
    }

    /** @param operations how many operations each timed run did (a batch of N events is N) */
    record Series(Latencies.LongList nanos, long wallNanos, long operations) {

        static Series empty() {
            return new Series(new Latencies.LongList(), 0, 0);
        }

        Series plus(Series other) {
            Latencies.LongList all = new Latencies.LongList();
            all.addAll(nanos);
            all.addAll(other.nanos);
            return new Series(all, wallNanos + other.wallNanos, operations + other.operations);
        }

        double perSecond() {
            return operations / (wallNanos / 1e9);
        }

        Measure measure(String unit) {
            return Measure.of(perSecond(), unit, Latencies.of(nanos));
        }
    }

    private Timed() {
    }

    /** @param perRun how many operations one run counts for */
    static Series repeat(int warmUp, int runs, int perRun, Operation operation) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            operation.run();
        }
        Latencies.LongList nanos = new Latencies.LongList();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long before = System.nanoTime();
            operation.run();
            nanos.add(System.nanoTime() - before);
        }
        return new Series(nanos, System.nanoTime() - start, (long) runs * perRun);
    }
}
