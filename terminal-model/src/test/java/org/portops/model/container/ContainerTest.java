package org.portops.model.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContainerTest {

    private static Container container(String sizeType, ContainerCategory category, ReeferSetPoint setPoint,
                                       ImdgClass imdg) {
        return new Container(new ContainerNumber("CSQU3054383"), new SizeTypeCode(sizeType), new VgmWeight(24_000),
                new LineOperator("MSCU"), new UnLocode("CNSHA"), new UnLocode("NLRTM"), category, setPoint, imdg);
    }

    @Test
    void ladenReeferWithSetPointIsAReefer() {
        Container reefer = container("45R1", ContainerCategory.IMPORT, new ReeferSetPoint(-18.0), null);

        assertThat(reefer.isReefer()).isTrue();
        assertThat(reefer.isDangerous()).isFalse();
        assertThat(reefer.length()).isEqualTo(ContainerLength.FORTY);
    }

    @Test
    void refusesSetPointOnAContainerThatIsNoReefer() {
        assertThatThrownBy(() -> container("22G1", ContainerCategory.EXPORT, new ReeferSetPoint(4.0), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("container CSQU3054383 has a reefer set point but size-type 22G1 is not a reefer");
    }

    @Test
    void refusesLadenReeferWithoutSetPoint() {
        assertThatThrownBy(() -> container("22R1", ContainerCategory.EXPORT, null, null))
                .hasMessage("laden reefer CSQU3054383 (22R1) must have a reefer set point");
    }

    @Test
    void acceptsEmptyReeferWithoutSetPointAndDoesNotNeedAPlug() {
        Container empty = container("45R1", ContainerCategory.EMPTY, null, null);

        assertThat(empty.isReefer()).isFalse();
    }

    @Test
    void dangerousGoodsHaveAnImdgClass() {
        Container tank = container("22T6", ContainerCategory.EXPORT, null, new ImdgClass("3"));

        assertThat(tank.isDangerous()).isTrue();
        assertThat(tank.sizeType().isTank()).isTrue();
    }

    @Test
    void refusesMissingRequiredFields() {
        assertThatThrownBy(() -> new Container(new ContainerNumber("CSQU3054383"), null, new VgmWeight(1),
                new LineOperator("MSCU"), new UnLocode("CNSHA"), new UnLocode("NLRTM"), ContainerCategory.IMPORT,
                null, null)).isInstanceOf(NullPointerException.class).hasMessage("size-type of CSQU3054383 must not be null");
    }
}
