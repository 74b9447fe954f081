package org.portops.ingest.anomaly;

/** A machine health signal the anomaly detector watches, with the words an operator reads in its alert. */
public enum Signal {
    /** Vibration velocity RMS (ISO 10816), mm/s, conditioned on the machine's duty in each window. */
    VIBRATION("vibration", "mm/s", "inspect bearings and gearbox"),
    /** Motor or engine temperature, °C, conditioned on the machine's recent workload (its thermal lag). */
    MOTOR_TEMPERATURE("motor temperature", "°C", "check cooling, lubrication and brakes"),
    /** A quay crane's laden cycle time, spreader lock to unlock, seconds. */
    CYCLE_TIME("cycle time", "s", "check hoist, trolley and gantry drives");

    private final String words;
    private final String unit;
    private final String advice;

    Signal(String words, String unit, String advice) {
        this.words = words;
        this.unit = unit;
        this.advice = advice;
    }

    /** How an operator names the signal: {@code vibration}. */
    public String words() {
        return words;
    }

    public String unit() {
        return unit;
    }

    /** What maintenance should look at when the signal runs high. */
    public String advice() {
        return advice;
    }
}
