package dev.whiskstudio.sim.config;

/** An allowed range of a per-action limit with its default ({@code std} in OpenWhisk's configuration). */
public record LimitRange(long min, long max, long std) {
    public LimitRange {
        if (min > max || std < min || std > max) {
            throw new IllegalArgumentException("bad range " + min + ".." + max + " default " + std);
        }
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    public LimitRange withMax(long newMax) {
        return new LimitRange(min, newMax, Math.min(std, newMax));
    }
}
