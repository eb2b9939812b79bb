package io.upright.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which JIT compilers a service's JVM runs with. {@code c1} ({@code -XX:TieredStopAtLevel=1}) starts sooner and keeps
 * less code in memory; {@code tiered} (the JVM's default, C1 then C2) costs a few seconds of compiling and some
 * memory, and pays back wherever a service spends CPU on hot code: C2 alone has the intrinsics for the big-integer
 * arithmetic of RSA token verification, which every authenticated request runs. The choice per service is measured
 * (docs/benchmarks.md, "JIT per service"); {@code UPRIGHT_JIT=c1|tiered} overrides it for every service, so a
 * benchmark can measure both.
 */
public enum JitChoice {
    C1(List.of("-XX:TieredStopAtLevel=1")),
    TIERED(List.of());

    static final String OVERRIDE = "UPRIGHT_JIT";

    /**
     * The measured choice per service; a service not named here runs {@link #C1}. Insights spends CPU when it matters
     * (the HR program view under load, behind token verification): tiered answered twice the requests C1 did, and it
     * stays under 300 MB. The others start 1.0-1.7 s sooner and about 37 MB smaller under C1, and the reminder engine
     * mostly waits on PostgreSQL and the channels, so C2 would buy it little (docs/benchmarks.md, "JIT per service").
     */
    static final Map<String, JitChoice> CHOSEN = Map.of("insights", TIERED);

    private final List<String> options;

    JitChoice(List<String> options) {
        this.options = options;
    }

    public List<String> options() {
        return options;
    }

    /** Every JVM option a packaged service runs with: a small serial-collected heap, and its JIT. */
    public static List<String> jvmOptions(String service, Map<String, String> environment) {
        List<String> all = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        all.addAll(of(service, environment).options());
        return all;
    }

    /** The same, as a benchmark's report names them. */
    public static String describe(String service) {
        return String.join(" ", jvmOptions(service, System.getenv()));
    }

    /** Each service's options, as a report names them: {@code reminders `-Xmx256m …`, insights `…`}. */
    public static String describeEach(List<String> services) {
        List<String> each = new ArrayList<>();
        services.forEach(service -> each.add(service + " `" + describe(service) + "`"));
        return String.join(", ", each);
    }

    /** The choice for {@code service}: the override when set, else the measured one. */
    public static JitChoice of(String service, Map<String, String> environment) {
        String override = environment.get(OVERRIDE);
        if (override != null && !override.isBlank()) {
            return valueOf(override.trim().toUpperCase(Locale.ROOT));
        }
        return CHOSEN.getOrDefault(service, C1);
    }
}
