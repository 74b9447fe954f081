package org.portops.model.layout;

import org.portops.model.container.ContainerCategory;
import org.portops.model.container.UnLocode;

/**
 * What the containers of one generated stack have in common, as a yard planner groups them: category, line and
 * port of discharge.
 */
record StackProfile(ContainerCategory category, SampleCatalog.Line line, UnLocode portOfDischarge) {
}
