package dev.spinetrack.simulator.device;

/**
 * Stateless seeded noise: every value is a hash of (seed, stream, index), so a sample's noise
 * does not depend on what was drawn before it, which keeps runs byte-identical whatever the
 * central did in between.
 */
public final class Noise {

    private final long seed;

    public Noise(long seed) {
        this.seed = seed;
    }

    /** Uniform in [0, 1). */
    public double uniform(long stream, long index) {
        return (mix(seed ^ mix(stream * 0x9E3779B97F4A7C15L + index)) >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box-Muller on two hashed uniforms). */
    public double gaussian(long stream, long index) {
        double u1 = Math.max(uniform(stream, 2 * index), 1e-12);
        double u2 = uniform(stream, 2 * index + 1);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Fills {@code out} with standard normals for one index of a stream, two per Box-Muller
     * draw (a rack needs 32 per sample, and this halves the cost).
     */
    public void gaussians(long stream, long index, double[] out) {
        long base = index * 64;
        for (int k = 0; k < out.length; k += 2) {
            double u1 = Math.max(uniform(stream, base + k), 1e-12);
            double u2 = uniform(stream, base + k + 1);
            double r = Math.sqrt(-2 * Math.log(u1));
            double a = 2 * Math.PI * u2;
            out[k] = r * Math.cos(a);
            if (k + 1 < out.length) {
                out[k + 1] = r * Math.sin(a);
            }
        }
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
