package org.portops.state.alert;

import org.portops.model.event.AlertKind;

/**
 * Which active alerts to list: of one kind, about one subject, both, or all (null = any).
 */
public record AlertFilter(AlertKind kind, String subject) {

    public static final AlertFilter ALL = new AlertFilter(null, null);

    public boolean matches(ActiveAlert alert) {
        return (kind == null || alert.kind() == kind) && (subject == null || alert.subject().equals(subject));
    }
}
