package org.portops.state.alert;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Reads the board of active alerts. Every method returns at once; nothing blocks an event loop. */
public interface AlertBoardReader {

    /** The active alerts the filter matches, most recently seen first. */
    Future<List<ActiveAlert>> active(AlertFilter filter);

    /** One alert by its {@link ActiveAlert#key}, empty when it is not active. */
    Future<Optional<ActiveAlert>> alert(String key);
}
