package org.portops.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.portops.model.work.MoveKind;
import org.portops.model.work.YardLocation;
import org.portops.model.yard.StackId;
import org.portops.model.yard.Tier;
import org.portops.state.LiveYard;
import org.portops.state.MoveRequest;
import org.portops.state.MoveResult;
import org.portops.state.StackView;

/** Finds a move the live yard accepts, by reading the yard as any client would. */
final class YardMoves {

    private static final int MAX_ATTEMPTS = 200;
    private static final int BAYS = 40;
    private static final int ROWS = 8;

    private YardMoves() {
    }

    /**
     * Shifts the top container of one stack of {@code block} onto another stack of the same block,
     * trying pairs until the live yard accepts one (a refused move changes nothing).
     */
    static MoveResult.Accepted shiftOneContainer(LiveYard yard, String block) throws Exception {
        List<StackView> stacks = new ArrayList<>();
        for (int bay = 1; bay <= BAYS; bay++) {
            for (int row = 1; row <= ROWS; row++) {
                stacks.add(yard.reader().stack(StackId.of(block, bay, row)).await(10, TimeUnit.SECONDS));
            }
        }
        List<StackView> sources = stacks.stream()
                .filter(s -> s.height() > 0 && !s.tiers().get(s.height() - 1).longContainer()).toList();
        List<StackView> targets = stacks.stream().filter(s -> s.height() < s.maxTiers() && !s.plugged()).toList();
        int attempts = 0;
        List<String> refusals = new ArrayList<>();
        for (StackView source : sources) {
            StackView.TierView top = source.tiers().get(source.height() - 1);
            for (StackView target : targets) {
                if (target.stack().equals(source.stack())) {
                    continue;
                }
                MoveRequest request = MoveRequest.of(top.container(), MoveKind.YARD_SHIFT,
                        new YardLocation(source.stack().at(top.tier())),
                        new YardLocation(target.stack().at(new Tier(target.height() + 1))));
                MoveResult result = yard.move(request).await(30, TimeUnit.SECONDS);
                if (result instanceof MoveResult.Accepted accepted) {
                    return accepted;
                }
                refusals.add(((MoveResult.Refused) result).reason());
                if (++attempts == MAX_ATTEMPTS) {
                    throw new AssertionError("no yard shift in " + block + " accepted after " + attempts
                            + " attempts; refusals: " + refusals.subList(0, Math.min(5, refusals.size())));
                }
            }
        }
        throw new AssertionError("no container to shift in " + block + "; refusals: " + refusals);
    }
}
