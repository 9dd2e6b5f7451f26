package org.tipmonitor.indicators.estimation.internal;

import java.math.BigInteger;

/**
 * R's default random numbers, for bootstraps that reproduce the R packages' to the digit: the Mersenne-Twister
 * MT19937 (Matsumoto &amp; Nishimura 1998) seeded as R's {@code set.seed} seeds it, uniform variates as R's
 * {@code unif_rand}, binomial variates by inversion or BTPE (Kachitvichyanukul &amp; Schmeiser 1988) as R's
 * {@code rbinom} chooses them, and multinomial vectors by sequential binomials as R's {@code rmultinom}.
 *
 * <ul>
 *   <li>Seeding: s := seed; s := 69069 s + 1 (mod 2<sup>32</sup>) fifty times; then each of the 625 words of the
 *       generator's state (the position and the 624-word table) gets the next s := 69069 s + 1; the position is
 *       then set to 624, so that the first draw regenerates the table.</li>
 *   <li>Uniform: the tempered 32-bit output times 2.3283064365386963e-10, moved into (0, 1) by half the step
 *       2.328306437080797e-10 when it is 0 or 1.</li>
 *   <li>Binomial(n, p): with r = min(p, 1 &minus; p), inversion (sequential search from 0 with the ratio
 *       P(x)/P(x &minus; 1) = ((n + 1) r/q)/x &minus; r/q, restarted past 110) when n r &lt; 30, otherwise BTPE's
 *       triangle, parallelogram and exponential tails with the squeeze and Stirling-based acceptance; the draw is
 *       reflected (n &minus; x) when p &gt; 1/2.</li>
 *   <li>Multinomial(n, w): w normalised; for each category k but the last with w<sub>k</sub> &gt; 0,
 *       X<sub>k</sub> ~ Binomial(remaining n, w<sub>k</sub> / remaining mass); categories of weight 0 consume no
 *       random number; the last category takes the rest. R keeps the remaining mass in a C {@code long double}
 *       (x87 extended precision, a 64-bit significand), and the draws are sensitive to the last bits of the
 *       probability it gives, so that arithmetic is emulated exactly ({@link Extended}): with plain doubles the
 *       four BCa limits of MultipleSystemsEstimation's fixed-model bootstrap on the Dutch table differ from R's
 *       in the fifth or sixth significant digit.</li>
 * </ul>
 *
 * <p>The generator is written here because commons-math's {@code MersenneTwister} can only be seeded through
 * {@code init_genrand}/{@code init_by_array}, not set to the state R's {@code set.seed} produces. Not thread-safe:
 * one instance is one sequential stream, as in R.
 */
public final class RCompatibleRandom {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    /** 2<sup>&minus;32</sup> as R writes it. */
    private static final double TWO_POW_MINUS_32 = 2.3283064365386963e-10;
    /** 1/(2<sup>32</sup> &minus; 1): the step whose half replaces 0 and 1. */
    private static final double STEP = 2.328306437080797e-10;

    private final int[] mt = new int[N];
    private int mti;

    /**
     * A stream seeded as R's {@code set.seed(seed)} (kind Mersenne-Twister).
     *
     * @param seed the seed (R's integer seed; taken modulo 2<sup>32</sup>)
     */
    public RCompatibleRandom(long seed) {
        int s = (int) seed;
        for (int j = 0; j < 50; j++) {
            s = 69069 * s + 1;
        }
        s = 69069 * s + 1; // the first of the 625 seed words is the position, overwritten below
        for (int j = 0; j < N; j++) {
            s = 69069 * s + 1;
            mt[j] = s;
        }
        mti = N;
    }

    /**
     * The next uniform variate in (0, 1), as R's {@code unif_rand()}.
     *
     * @return the variate
     */
    public double nextUniform() {
        double u = Integer.toUnsignedLong(nextInt()) * TWO_POW_MINUS_32;
        if (u <= 0) {
            return 0.5 * STEP;
        }
        if (1 - u <= 0) {
            return 1 - 0.5 * STEP;
        }
        return u;
    }

    private int nextInt() {
        if (mti >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
            }
            for (; kk < N - 1; kk++) {
                int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
            }
            int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
            mti = 0;
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /**
     * A multinomial vector, as R's {@code rmultinom(1, size, weights)}.
     *
     * @param size    the number of draws
     * @param weights non-negative weights, not all 0
     * @return the counts per category
     */
    public long[] multinomial(long size, double[] weights) {
        int k = weights.length;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = weights[i] / total; // R normalises the probabilities first
        }
        // R keeps the remaining mass in a C long double (x87 extended precision on x86-64: a 64-bit significand);
        // the draws depend on the last bits of pp, so that arithmetic is emulated exactly.
        Extended remainingMass = Extended.ZERO;
        for (double x : p) {
            remainingMass = remainingMass.plus(Extended.of(x));
        }
        long[] out = new long[k];
        long n = size;
        for (int i = 0; i < k - 1; i++) {
            if (p[i] > 0) {
                double pp = Extended.of(p[i]).dividedBy(remainingMass).toDouble();
                out[i] = pp < 1 ? binomial(n, pp) : n;
                n -= out[i];
            }
            if (n <= 0) {
                return out;
            }
            remainingMass = remainingMass.plus(Extended.of(-p[i]));
        }
        out[k - 1] = n;
        return out;
    }

    /**
     * A number with a 64-bit significand, as the x87 extended format holds it: sig &times; 2<sup>exp</sup>, with
     * |sig| &lt; 2<sup>64</sup>. Sums and quotients are computed exactly and rounded to 64 bits, ties to even; a
     * conversion to double rounds again to 53 bits, as a C cast of a long double does.
     */
    static final class Extended {

        static final Extended ZERO = new Extended(BigInteger.ZERO, 0);

        private final BigInteger sig;
        private final int exp;

        private Extended(BigInteger sig, int exp) {
            this.sig = sig;
            this.exp = exp;
        }

        /** A double, exactly. */
        static Extended of(double x) {
            if (x == 0) {
                return ZERO;
            }
            int e = Math.getExponent(x);
            long bits = Double.doubleToRawLongBits(x);
            long mantissa = bits & 0x000fffffffffffffL;
            if (e == Double.MIN_EXPONENT - 1) { // subnormal
                e = Double.MIN_EXPONENT;
            } else {
                mantissa |= 0x0010000000000000L;
            }
            BigInteger m = BigInteger.valueOf(x < 0 ? -mantissa : mantissa);
            return new Extended(m, e - 52);
        }

        Extended plus(Extended other) {
            if (sig.signum() == 0) {
                return other;
            }
            if (other.sig.signum() == 0) {
                return this;
            }
            int e = Math.min(exp, other.exp);
            BigInteger sum = sig.shiftLeft(exp - e).add(other.sig.shiftLeft(other.exp - e));
            return rounded(sum, e, false, 64);
        }

        Extended dividedBy(Extended divisor) {
            if (sig.signum() == 0) {
                return ZERO;
            }
            // enough quotient bits for 64 significant bits, a guard bit and a sticky remainder
            int shift = Math.max(0, 66 + divisor.sig.bitLength() - sig.bitLength());
            BigInteger[] qr = sig.shiftLeft(shift).divideAndRemainder(divisor.sig);
            return rounded(qr[0], exp - shift - divisor.exp, qr[1].signum() != 0, 64);
        }

        double toDouble() {
            Extended d = rounded(sig, exp, false, 53);
            return Math.scalb(d.sig.doubleValue(), d.exp); // exact: at most 53 significant bits
        }

        /** value &times; 2<sup>e</sup> (plus a nonzero tail below it when sticky) rounded to the given bits. */
        private static Extended rounded(BigInteger value, int e, boolean sticky, int bits) {
            int sign = value.signum();
            if (sign == 0) {
                return ZERO;
            }
            BigInteger magnitude = value.abs();
            int drop = magnitude.bitLength() - bits;
            if (drop <= 0) {
                return new Extended(value, e); // sticky bits below a short quotient cannot occur: shift >= 66
            }
            BigInteger kept = magnitude.shiftRight(drop);
            boolean guard = magnitude.testBit(drop - 1);
            boolean rest = sticky || magnitude.getLowestSetBit() < drop - 1;
            if (guard && (rest || kept.testBit(0))) {
                kept = kept.add(BigInteger.ONE);
            }
            return new Extended(sign < 0 ? kept.negate() : kept, e + drop);
        }
    }

    /**
     * A binomial variate, as R's {@code rbinom(1, n, p)}.
     *
     * @param n the number of trials
     * @param p the success probability in [0, 1]
     * @return the number of successes
     */
    public long binomial(long n, double p) {
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        double r = Math.min(p, 1 - p);
        double q = 1 - r;
        double np = n * r;
        long x = np < 30 ? inversion(n, r, q) : btpe(n, r, q, np);
        return p > 0.5 ? n - x : x;
    }

    /** Sequential search from 0 (Kachitvichyanukul &amp; Schmeiser's BINV), restarted beyond 110. */
    private long inversion(long n, double r, double q) {
        double qn = power(q, n);
        double s = r / q;
        double g = s * (n + 1);
        while (true) {
            long x = 0;
            double f = qn;
            double u = nextUniform();
            while (true) {
                if (u < f) {
                    return x;
                }
                if (x > 110) {
                    break;
                }
                u -= f;
                x++;
                f *= g / x - s;
            }
        }
    }

    /** x<sup>n</sup> by binary exponentiation from the lowest bit (R's integer power; not {@link Math#pow}). */
    static double power(double x, long n) {
        double result = 1;
        double base = x;
        for (long e = n; ; ) {
            if ((e & 1) != 0) {
                result *= base;
            }
            e >>= 1;
            if (e == 0) {
                return result;
            }
            base *= base;
        }
    }

    /** Kachitvichyanukul &amp; Schmeiser's BTPE for n r &ge; 30. */
    private long btpe(long n, double r, double q, double np) {
        double fm = np + r;
        long m = (long) fm;
        double npq = np * q;
        double p1 = (long) (2.195 * Math.sqrt(npq) - 4.6 * q) + 0.5;
        double xm = m + 0.5;
        double xl = xm - p1;
        double xr = xm + p1;
        double c = 0.134 + 20.5 / (15.3 + m);
        double al = (fm - xl) / (fm - xl * r);
        double xll = al * (1 + 0.5 * al);
        al = (xr - fm) / (xr * q);
        double xlr = al * (1 + 0.5 * al);
        double p2 = p1 * (1 + c + c);
        double p3 = p2 + c / xll;
        double p4 = p3 + c / xlr;
        double s = r / q;
        double g = s * (n + 1);
        while (true) {
            double u = nextUniform() * p4;
            double v = nextUniform();
            long ix;
            if (u <= p1) { // the triangle: accepted at once
                return (long) (xm - p1 * v + u);
            }
            if (u <= p2) { // the parallelogram
                double x = xl + (u - p1) / c;
                v = v * c + 1 - Math.abs(xm - x) / p1;
                if (v > 1 || v <= 0) {
                    continue;
                }
                ix = (long) x;
            } else if (u > p3) { // the right exponential tail
                ix = (long) (xr - Math.log(v) / xlr);
                if (ix > n) {
                    continue;
                }
                v = v * (u - p3) * xlr;
            } else { // the left exponential tail
                ix = (long) (xl + Math.log(v) / xll);
                if (ix < 0) {
                    continue;
                }
                v = v * (u - p2) * xll;
            }
            if (accept(ix, v, n, m, r, q, npq, xm, s, g)) {
                return ix;
            }
        }
    }

    /** BTPE's acceptance test of ix: recursive evaluation near the mode, else the squeeze and Stirling bound. */
    private static boolean accept(long ix, double v, long n, long m, double r, double q, double npq, double xm,
                                  double s, double g) {
        long k = Math.abs(ix - m);
        if (k <= 20 || k >= npq / 2 - 1) {
            double f = 1;
            if (m < ix) {
                for (long i = m + 1; i <= ix; i++) {
                    f *= g / i - s;
                }
            } else if (m > ix) {
                for (long i = ix + 1; i <= m; i++) {
                    f /= g / i - s;
                }
            }
            return v <= f;
        }
        double amaxp = (k / npq) * ((k * (k / 3.0 + 0.625) + 0.1666666666666) / npq + 0.5);
        double ynorm = -(double) (k * k) / (2 * npq);
        double alv = Math.log(v);
        if (alv < ynorm - amaxp) {
            return true;
        }
        if (alv > ynorm + amaxp) {
            return false;
        }
        double x1 = ix + 1;
        double f1 = m + 1.0; // the mode M, as in the paper's step 5.3
        double z = n + 1.0 - m;
        double w = n - ix + 1;
        return alv <= xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w) + (ix - m) * Math.log(w * r / (x1 * q))
                + stirling(f1) + stirling(z) + stirling(x1) + stirling(w);
    }

    /** The Stirling series correction 1/(12x) &minus; 1/(360x<sup>3</sup>) + ... as BTPE evaluates it. */
    private static double stirling(double x) {
        double x2 = x * x;
        return (13860 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
    }
}
