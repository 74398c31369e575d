package dev.whiskstudio.sim.bench;

import java.util.List;

/**
 * Times several kinds of call against each other in alternating blocks, so that noise on a shared machine hits every
 * kind alike and their ratios stay meaningful.
 */
final class AlternatingRounds {
    /** One call of a kind; throws when its answer is wrong. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    private AlternatingRounds() {
    }

    /**
     * {@code calls} calls of each kind in blocks of {@code block}: a block of each kind in turn, the first kind
     * rotating from round to round so none always runs first; times go to {@code into[kind]}.
     */
    static void run(List<Call> kinds, long[][] into, int calls, int block) throws Exception {
        int round = 0;
        for (int done = 0; done < calls; done += block, round++) {
            int n = Math.min(block, calls - done);
            for (int k = 0; k < kinds.size(); k++) {
                int which = (k + round) % kinds.size();
                timeBlock(kinds.get(which), into[which], done, n);
            }
        }
    }

    private static void timeBlock(Call call, long[] into, int from, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            into[from + i] = System.nanoTime() - t;
        }
    }
}
