package org.portops.model.equipment;

/** What a machine is doing. */
public enum EquipmentStatus {
    WORKING,
    IDLE,
    FAULT,
    OFFLINE
}
