package org.prune4j.nn;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Reports training progress: one line per epoch (epoch, loss, accuracy, seconds), with a compact in-epoch
 * indicator of ten dots so that a notebook's output stays short.
 */
public interface Progress {

    /**
     * @param epoch  1-based epoch starting
     * @param epochs epochs in the run
     */
    void epochStarted(int epoch, int epochs);

    /**
     * @param stepInEpoch   1-based step just done
     * @param stepsPerEpoch steps per epoch
     */
    void stepDone(int stepInEpoch, int stepsPerEpoch);

    /**
     * @param stats  the finished epoch
     * @param epochs epochs in the run
     */
    void epochDone(EpochStats stats, int epochs);

    /** @return progress printed to {@code System.out} as it is at print time (IJava swaps it per cell) */
    static Progress console() {
        return printingTo(() -> System.out);
    }

    /** @return no output */
    static Progress none() {
        return new Progress() {
            @Override
            public void epochStarted(int epoch, int epochs) {
            }

            @Override
            public void stepDone(int stepInEpoch, int stepsPerEpoch) {
            }

            @Override
            public void epochDone(EpochStats stats, int epochs) {
            }
        };
    }

    /**
     * @param out where to print, looked up at every print
     * @return progress printed there
     */
    static Progress printingTo(Supplier<PrintStream> out) {
        return new Progress() {
            @Override
            public void epochStarted(int epoch, int epochs) {
                int width = String.valueOf(epochs).length();
                out.get().printf("epoch %" + width + "d/%d ", epoch, epochs);
                out.get().flush();
            }

            @Override
            public void stepDone(int stepInEpoch, int stepsPerEpoch) {
                // a dot per tenth of the epoch
                if (stepInEpoch * 10L / stepsPerEpoch != (stepInEpoch - 1) * 10L / stepsPerEpoch) {
                    out.get().print('.');
                    out.get().flush();
                }
            }

            @Override
            public void epochDone(EpochStats s, int epochs) {
                String test = Double.isNaN(s.testAccuracy()) ? "" : String.format("  test %6.2f %%", 100 * s.testAccuracy());
                out.get().printf(" loss %.4f  train %6.2f %%%s  %.1f s%n", s.loss(), 100 * s.trainAccuracy(), test, s.seconds());
                out.get().flush();
            }
        };
    }
}
