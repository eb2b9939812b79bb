package io.upright.insights.outcomes;

import java.util.ArrayList;
import java.util.List;

/**
 * The paired before/after change of sitting (and standing and walking) minutes per workday, over the people who
 * answered both the baseline and a later period, each person being their own control. Free of frameworks, so the
 * statistics are unit-tested on their own ({@code PairedChangeTest}).
 *
 * <p>Only pairs where both reports had {@code daysWorked > 0} count: a week without work is an answer, but its zero
 * minutes say nothing about sitting at work. For the sitting difference d = later − baseline it gives n, the means,
 * the mean of d, its sample standard deviation (n − 1), the 95 % confidence interval of the mean of d,
 * mean ± t(0.975; n − 1) · sd / √n ({@link StudentT}), and the share of people whose sitting fell by 30 minutes or
 * more (d ≤ −30). With n = 0 there are no means; with n &lt; 2 no standard deviation and no interval.
 */
public final class PairedChange {

    /** A fall of at least this many minutes of sitting per workday counts as a meaningful reduction. */
    public static final int MEANINGFUL_FALL_MINUTES = 30;

    /** One person's minutes per workday in one period. */
    public record Minutes(int sitting, int standing, int walking, int daysWorked) {
        boolean worked() {
            return daysWorked > 0;
        }
    }

    /** One person's baseline and later report. */
    public record Pair(Minutes baseline, Minutes later) {
    }

    /** A confidence interval of a mean. */
    public record Interval(double low, double high) {
    }

    /**
     * The result; {@code n} is the number of contributing people (the figure privacy rules will need). Means are null
     * when n = 0; {@code sdDifference}, {@code t} and {@code ci95} are null when n &lt; 2.
     */
    public record Result(int n,
                         Double meanBaselineSitting, Double meanLaterSitting,
                         Double meanDifference, Double sdDifference, Double t, Interval ci95,
                         Double shareFellByAtLeast30,
                         Double meanBaselineStanding, Double meanLaterStanding,
                         Double meanBaselineWalking, Double meanLaterWalking) {
    }

    private PairedChange() {
    }

    public static Result of(List<Pair> pairs) {
        List<Pair> counted = new ArrayList<>();
        for (Pair p : pairs) {
            if (p.baseline() != null && p.later() != null && p.baseline().worked() && p.later().worked()) {
                counted.add(p);
            }
        }
        int n = counted.size();
        if (n == 0) {
            return new Result(0, null, null, null, null, null, null, null, null, null, null, null);
        }
        double[] d = new double[n];
        double baselineSitting = 0, laterSitting = 0, baselineStanding = 0, laterStanding = 0,
                baselineWalking = 0, laterWalking = 0;
        int fell = 0;
        for (int i = 0; i < n; i++) {
            Minutes b = counted.get(i).baseline();
            Minutes l = counted.get(i).later();
            d[i] = l.sitting() - b.sitting();
            baselineSitting += b.sitting();
            laterSitting += l.sitting();
            baselineStanding += b.standing();
            laterStanding += l.standing();
            baselineWalking += b.walking();
            laterWalking += l.walking();
            if (d[i] <= -MEANINGFUL_FALL_MINUTES) {
                fell++;
            }
        }
        double mean = 0;
        for (double x : d) {
            mean += x;
        }
        mean /= n;
        Double sd = null;
        Double t = null;
        Interval ci = null;
        if (n >= 2) {
            double squares = 0;
            for (double x : d) {
                squares += (x - mean) * (x - mean);
            }
            sd = Math.sqrt(squares / (n - 1));
            t = StudentT.quantile975(n - 1);
            double half = t * sd / Math.sqrt(n);
            ci = new Interval(mean - half, mean + half);
        }
        return new Result(n, baselineSitting / n, laterSitting / n, mean, sd, t, ci, (double) fell / n,
                baselineStanding / n, laterStanding / n, baselineWalking / n, laterWalking / n);
    }
}
