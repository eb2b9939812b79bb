package io.upright.platform.personaldata;

import io.upright.platform.identity.CurrentUser;
import io.upright.platform.identity.Roles;
import io.upright.platform.problem.ProblemException;

import java.util.UUID;

/**
 * Who may read a person's export: the person themselves, or an admin of their tenant acting on their behalf. HR
 * never may. Tenancy comes from the token, so another tenant's employee simply has no data here.
 */
public final class ExportAccess {

    private ExportAccess() {
    }

    public static void requireSelfOrAdmin(CurrentUser user, UUID employeeId) {
        if (user.hasRole(Roles.ADMIN)) {
            return;
        }
        if (user.isEmployee(employeeId)) {
            return;
        }
        throw ProblemException.forbidden("Only the employee themselves or an admin may export their data");
    }
}
