package io.upright.programs.enrollment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** An employee as the API shows them, personal fields opened; all three are null once the employee was erased. */
@Schema(name = "Employee")
public record EmployeeView(UUID id, UUID teamId,
                           @Schema(example = "Ada Lovelace") String displayName,
                           @Schema(example = "ada@example.com") String email,
                           @Schema(example = "@ada", description = "chat handle, optional") String chatHandle,
                           @Schema(example = "Europe/Berlin") String timeZone,
                           @Schema(example = "09:00") String workdayStart,
                           @Schema(example = "17:30") String workdayEnd,
                           boolean standingDesk, Instant enrolledAt,
                           @Schema(enumeration = {"enrolled", "left", "erased"}) String status,
                           Instant leftAt, Instant erasedAt) {

    static EmployeeView of(EmployeeRecord e, Function<String, Optional<String>> open) {
        return new EmployeeView(e.id, e.teamId, open.apply(e.displayName).orElse(null), open.apply(e.email).orElse(null),
                open.apply(e.chatHandle).orElse(null), e.timeZone, e.workdayStart, e.workdayEnd, e.standingDesk,
                e.enrolledAt, e.status(), e.leftAt, e.erasedAt);
    }
}
