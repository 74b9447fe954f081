package org.portops.yard.slot.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;
import org.portops.model.container.ContainerLength;
import org.portops.model.container.ContainerNumber;
import org.portops.model.container.ImdgClass;
import org.portops.yard.slot.Departure;
import org.portops.yard.slot.ExportGroup;
import org.portops.yard.slot.WeightClass;

/** A container to be given a slot; its planning variable ranges over its own pre-filtered slot options. */
@PlanningEntity
public class ArrivingContainer {
    @PlanningId
    private String id;
    private ContainerNumber number;
    private ContainerLength length;
    private int kilograms;
    private boolean reefer;
    private ImdgClass imdg;
    private ExportGroup group;
    private Departure departure;
    private List<SlotOption> options;

    @PlanningVariable(valueRangeProviderRefs = "options")
    private SlotOption option;

    public ArrivingContainer() {
    }

    /**
     * @param group           its export group, null when it leaves on no known vessel call
     */
    public ArrivingContainer(ContainerNumber number, ContainerLength length, int kilograms, boolean reefer,
                             ImdgClass imdg, ExportGroup group, Departure departure, List<SlotOption> options) {
        this.id = number.value();
        this.number = number;
        this.length = length;
        this.kilograms = kilograms;
        this.reefer = reefer;
        this.imdg = imdg;
        this.group = group;
        this.departure = departure;
        this.options = List.copyOf(options);
    }

    @ValueRangeProvider(id = "options")
    public List<SlotOption> getOptions() {
        return options;
    }

    public SlotOption getOption() {
        return option;
    }

    public void setOption(SlotOption option) {
        this.option = option;
    }

    public ContainerNumber getNumber() {
        return number;
    }

    public ContainerLength getLength() {
        return length;
    }

    public boolean isLong() {
        return length.yardBays() == 2;
    }

    public int getKilograms() {
        return kilograms;
    }

    public boolean isReefer() {
        return reefer;
    }

    public ImdgClass getImdg() {
        return imdg;
    }

    public ExportGroup getGroup() {
        return group;
    }

    public WeightClass getWeightClass() {
        return WeightClass.of(kilograms);
    }

    public Departure getDeparture() {
        return departure;
    }

    @Override
    public String toString() {
        return number + (option == null ? "" : " -> " + option);
    }
}
