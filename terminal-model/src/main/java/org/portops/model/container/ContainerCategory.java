package org.portops.model.container;

/** Why a container is in the terminal. */
public enum ContainerCategory {
    IMPORT,
    EXPORT,
    TRANSSHIPMENT,
    EMPTY
}
