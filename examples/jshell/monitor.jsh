// tipmonitor's JShell notebook: imports, the bundled data and a few helpers.
// Open it with   bash examples/jshell.sh            (interactive, this file loaded)
// or run chapters bash examples/jshell.sh --all      (01-records, 02-indicators, 03-estimates)
//
// Results print as aligned tables: type a name or a call to see it (e.g. `ned()`). JShell cuts a value longer
// than 1,000 characters in its feedback; show(value) prints it whole.

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.stream.*;
import org.tipmonitor.model.*;
import org.tipmonitor.io.*;
import org.tipmonitor.indicators.*;
import org.tipmonitor.indicators.tables.*;
import org.tipmonitor.indicators.disclosure.*;
import org.tipmonitor.indicators.shares.Share;
import org.tipmonitor.indicators.shares.ShareEstimate;
import org.tipmonitor.indicators.shares.ShareEstimator;
import org.tipmonitor.indicators.shares.RateRatio;
import org.tipmonitor.indicators.trends.*;
import org.tipmonitor.indicators.victims.*;
import org.tipmonitor.indicators.offenders.*;
import org.tipmonitor.indicators.police.*;
import org.tipmonitor.indicators.estimation.*;
import org.tipmonitor.indicators.estimation.data.*;
import org.tipmonitor.indicators.estimation.model.*;
import org.tipmonitor.indicators.estimation.fit.*;
import org.tipmonitor.indicators.estimation.selection.*;
import org.tipmonitor.indicators.estimation.bootstrap.*;
import org.tipmonitor.cli.report.*;
import org.tipmonitor.cli.synthetic.*;

import static org.tipmonitor.examples.notebook.Notebook.*;

// The helpers (org.tipmonitor.examples.notebook.Notebook, compiled with the library so that JShell has only these
// lines to compile before its prompt): data() the bundled synthetic sample, read and validated on its first use;
// ned() the Dutch six-list table; heading(title), show(values...), table(header, rows), percent(share);
// check(what, ok), checkClose(what, expected, actual, tolerance), checkEquals(what, expected, actual),
// finish(chapter) and failures() for the chapters' checks.

/** The registration years of the victim data. */
YearRange years = YearRange.of(SyntheticMonitorData.FIRST_YEAR, SyntheticMonitorData.LAST_YEAR);

System.out.println(start());
