package org.tipmonitor.indicators.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tipmonitor.indicators.tables.internal.ExtendedIndex;

/** What {@link ProtectedTable} and {@link ProtectedMagnitudeTable} share: queries over their cells' statuses. */
final class CellStatuses {

    private CellStatuses() {
    }

    /** The coordinates of every cell and margin with the wanted status, in row-major order of the extended table. */
    static List<List<Integer>> cellsWith(ExtendedIndex index, CellStatus[] status, CellStatus wanted) {
        List<List<Integer>> cells = new ArrayList<>();
        for (int o = 0; o < status.length; o++) {
            if (status[o] == wanted) {
                cells.add(Arrays.stream(index.coords(o)).boxed().toList());
            }
        }
        return List.copyOf(cells);
    }

    /** The number of withheld (primary and secondary) cells and margins. */
    static int suppressedCount(CellStatus[] status) {
        return (int) Arrays.stream(status).filter(CellStatus::isSuppressed).count();
    }
}
