package io.upright.platform.inbox;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureClassTest {

    @Test
    void a_lost_connection_a_deadlock_a_serialization_failure_and_a_lock_timeout_are_transient() {
        for (String state : new String[]{"08006", "08001", "40001", "40P01", "55P03", "57P01", "57P03", "53300", "57014"}) {
            assertThat(FailureClass.of(new IllegalStateException("wrapped", new SQLException("x", state)))).as(state)
                    .isEqualTo(FailureClass.TRANSIENT);
        }
        assertThat(FailureClass.of(new RuntimeException(new ConnectException("refused")))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new SQLTransientConnectionException("gone"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new RuntimeException(new SQLException("Sorry, acquisition timeout!")))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new IllegalStateException(new SQLException(
                "FATAL: database \"insights\" is not currently accepting connections", "55000")))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(new SQLException("some other prerequisite", "55000"))).isEqualTo(FailureClass.DEFECT);
    }

    @Test
    void an_unreadable_record_is_poison_even_when_a_transient_failure_is_also_in_the_chain() {
        assertThat(FailureClass.of(new PoisonRecord("no ce_type"))).isEqualTo(FailureClass.POISON);
        assertThat(FailureClass.of(new PoisonRecord("bad body", new SQLException("x", "08006")))).isEqualTo(FailureClass.POISON);
    }

    @Test
    void a_constraint_violation_or_a_bug_is_a_defect_to_dead_letter_and_redrive_after_a_fix() {
        assertThat(FailureClass.of(new IllegalStateException(new SQLException("dup", "23505")))).isEqualTo(FailureClass.DEFECT);
        assertThat(FailureClass.of(new NullPointerException())).isEqualTo(FailureClass.DEFECT);
    }

    @Test
    void a_cause_chain_that_loops_ends() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(FailureClass.of(a)).isEqualTo(FailureClass.DEFECT);
    }
}
