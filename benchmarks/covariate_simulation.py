#!/usr/bin/env python3
"""Evaluates the report's estimate of minors among victims of domestic sexual exploitation against the truth.

Called by benchmarks/covariate-simulation.sh after it has generated the datasets and run the report on each:

    python3 benchmarks/covariate_simulation.py DIR [--seeds FIRST-LAST] [--format text|json] [--check]
        [--heterogeneity H]

DIR holds, per seed S, the exchange file S.json, the truth S.csv (monitor generate --truth) and the report
S.report.json (monitor report --format json). For every dataset it reads the report's object
``minorsDomesticSexual``::

    {"total": {"estimate", "lower", "upper"},            minors of domestic sexual exploitation, 2014-2018
     "perYear": [{"year", "estimate", "lower", "upper"}, ...],
     "shareOfForm": {"estimate", "lower", "upper"},      that total / all victims of the form 2014-2018, in [0, 1]
     "model": "...", "method": "..."}

and prints, for the total, each year and the share: the mean truth, the mean estimate, the mean registered
(observed) figure, the bias (mean relative error, (estimate - truth) / truth), the RMSE (and relative to the mean
truth), the coverage of the 95 % intervals (lower <= truth <= upper), and whether the targets of issue 11 are met:
coverage >= 0.90 for the total and the share, >= 0.85 for every year, |bias| <= 5 % for every row.

The truth is the generator's: every true victim, seen or not, a minor when under 18 at the first report. The
registered figures are computed here from the exchange file, person by person, as the report counts them: a person's
year, form and age are those of their first registration in 2014-2018 (earliest report date); the age is the point
age of the birth date (the middle of the month or year when only these are known, within the bounds the precision
allows, as org.tipmonitor.model.BirthDate#ageAt); persons of unknown age are counted apart.

Exit status: 0 when evaluated (targets met or not), 1 with --check when a target is missed, 2 for a usage error or a
report without ``minorsDomesticSexual``.

Only the standard library is used (no numpy needed), so the unit test runs wherever python3 does.
"""

import argparse
import calendar
import csv
import datetime
import json
import math
import os
import re
import statistics
import sys

FORM = "domestic_sexual"
FIRST_YEAR = 2014
LAST_YEAR = 2018
YEARS = tuple(range(FIRST_YEAR, LAST_YEAR + 1))
MAJORITY_AGE = 18
SECTION = "minorsDomesticSexual"

# Targets of issue 11: interval coverage and mean relative error.
COVERAGE_TOTAL = 0.90
COVERAGE_SHARE = 0.90
COVERAGE_YEAR = 0.85
MAX_ABS_BIAS = 0.05


class EvaluationError(Exception):
    """A dataset that cannot be evaluated: a missing file, a report without the section, a malformed value."""


# --- the truth -------------------------------------------------------------------------------------------------

def read_truth(path):
    """Reads a truth CSV (year,form,minor,victims) into the figures compared with the report.

    Returns {"total": minors of the form 2014-2018, "perYear": {year: minors}, "form": all victims of the form
    2014-2018, "share": total / form, "all": every true victim}.
    """
    per_year = {year: 0 for year in YEARS}
    form_total = 0
    everyone = 0
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        expected = ["year", "form", "minor", "victims"]
        if reader.fieldnames != expected:
            raise EvaluationError(f"{path}: header is {reader.fieldnames}, expected {','.join(expected)}")
        for line, row in enumerate(reader, start=2):
            try:
                year = int(row["year"])
                victims = int(row["victims"])
            except ValueError as error:
                raise EvaluationError(f"{path}:{line}: not a whole number: {error}") from None
            if row["minor"] not in ("true", "false"):
                raise EvaluationError(f"{path}:{line}: minor is neither true nor false: {row['minor']!r}")
            if victims < 0:
                raise EvaluationError(f"{path}:{line}: negative number of victims: {victims}")
            everyone += victims
            if row["form"] != FORM or not FIRST_YEAR <= year <= LAST_YEAR:
                continue
            form_total += victims
            if row["minor"] == "true":
                per_year[year] += victims
    total = sum(per_year.values())
    if form_total == 0:
        raise EvaluationError(f"{path}: no true victim of {FORM} in {FIRST_YEAR}-{LAST_YEAR}")
    return {"total": total, "perYear": per_year, "form": form_total, "share": total / form_total,
            "all": everyone}


# --- the report ------------------------------------------------------------------------------------------------

def _interval(node, where):
    try:
        values = tuple(float(node[key]) for key in ("estimate", "lower", "upper"))
    except (KeyError, TypeError, ValueError):
        raise EvaluationError(f"{where}: needs numbers estimate, lower and upper, has {node!r}") from None
    if not all(math.isfinite(value) for value in values):
        raise EvaluationError(f"{where}: not a finite number: {node!r}")
    return values


def read_estimate(path):
    """Reads the report's minorsDomesticSexual object: total, perYear, shareOfForm, model, method."""
    try:
        with open(path, encoding="utf-8") as handle:
            report = json.load(handle)
    except json.JSONDecodeError as error:
        raise EvaluationError(f"{path}: not JSON: {error}") from None
    if not isinstance(report, dict) or SECTION not in report:
        keys = sorted(report) if isinstance(report, dict) else type(report).__name__
        raise EvaluationError(
            f"{path}: the report has no object '{SECTION}' (it has {keys}); this script evaluates the"
            f" report's estimate of minors of {FORM} (issue 11), which this monitor.jar does not make")
    section = report[SECTION]
    where = f"{path}: {SECTION}"
    if not isinstance(section, dict):
        raise EvaluationError(f"{where}: not an object")
    per_year = {}
    for index, node in enumerate(section.get("perYear") or []):
        try:
            year = int(node["year"])
        except (KeyError, TypeError, ValueError):
            raise EvaluationError(f"{where}.perYear[{index}]: no year") from None
        per_year[year] = _interval(node, f"{where}.perYear[{index}]")
    missing = [year for year in YEARS if year not in per_year]
    if missing:
        raise EvaluationError(f"{where}.perYear: no estimate for {missing}")
    share = _interval(section.get("shareOfForm"), f"{where}.shareOfForm")
    if not 0 <= share[0] <= 1:
        raise EvaluationError(f"{where}.shareOfForm: estimate {share[0]} is not a fraction in [0, 1]")
    return {"total": _interval(section.get("total"), f"{where}.total"), "perYear": per_year, "share": share,
            "model": str(section.get("model", "")), "method": str(section.get("method", ""))}


# --- the registered victims ------------------------------------------------------------------------------------

def _completed_years(birth, event):
    if event < birth:
        return 0
    years = event.year - birth.year
    return years - 1 if (event.month, event.day) < (birth.month, birth.day) else years


def age_at(birth_date, event):
    """The point age at an event, or None for an unknown birth date (as org.tipmonitor.model.BirthDate#ageAt)."""
    precision = (birth_date or {}).get("precision", "unknown")
    if precision == "unknown" or not birth_date.get("date"):
        return None
    date = datetime.date.fromisoformat(birth_date["date"])
    if precision == "month":
        middle = date.replace(day=15)
        latest = date.replace(day=calendar.monthrange(date.year, date.month)[1])
    elif precision == "year":
        middle = datetime.date(date.year, 7, 1)
        latest = datetime.date(date.year, 12, 31)
    else:
        middle = latest = date
    maximum = _completed_years(date, event)
    minimum = _completed_years(latest, event)
    return min(maximum, max(minimum, _completed_years(middle, event)))


def read_registered(path):
    """Registered persons of the form in 2014-2018 from an exchange file, by their first registration.

    Returns {"perYear": {year: minors}, "total": minors, "form": persons of known age, "unknownAge": persons of
    unknown age, "share": minors / persons of known age}.
    """
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    births = {victim["key"]: victim.get("birthDate") for victim in data.get("victims", [])}
    first = {}
    for registration in data.get("registrations", []):
        reported = datetime.date.fromisoformat(registration["reportDate"])
        if not FIRST_YEAR <= reported.year <= LAST_YEAR:
            continue
        key = registration["victimKey"]
        if key not in first or reported < first[key][0]:
            first[key] = (reported, registration["form"])
    per_year = {year: 0 for year in YEARS}
    known = 0
    unknown = 0
    for key, (reported, form) in first.items():
        if form != FORM:
            continue
        age = age_at(births.get(key), reported)
        if age is None:
            unknown += 1
            continue
        known += 1
        if age < MAJORITY_AGE:
            per_year[reported.year] += 1
    total = sum(per_year.values())
    return {"perYear": per_year, "total": total, "form": known, "unknownAge": unknown,
            "share": total / known if known else float("nan")}


# --- the evaluation --------------------------------------------------------------------------------------------

def quantity_rows(runs):
    """Per quantity (total, each year, share): the arrays of truth, estimate, lower, upper and registered."""
    def row(name, target, pick_truth, pick_estimate, pick_observed):
        estimates = [pick_estimate(run["estimate"]) for run in runs]
        return {"name": name, "coverageTarget": target,
                "truth": [float(pick_truth(run["truth"])) for run in runs],
                "estimate": [interval[0] for interval in estimates],
                "lower": [interval[1] for interval in estimates],
                "upper": [interval[2] for interval in estimates],
                "observed": [float(pick_observed(run["registered"])) for run in runs]}

    rows = [row("total 2014-2018", COVERAGE_TOTAL, lambda t: t["total"], lambda e: e["total"],
                lambda r: r["total"])]
    for year in YEARS:
        rows.append(row(str(year), COVERAGE_YEAR, lambda t, y=year: t["perYear"][y],
                        lambda e, y=year: e["perYear"][y], lambda r, y=year: r["perYear"][y]))
    rows.append(row("share of form", COVERAGE_SHARE, lambda t: t["share"], lambda e: e["share"],
                    lambda r: r["share"]))
    return rows


def metrics(row):
    """Bias (mean relative error), RMSE, relative RMSE, coverage and whether the targets are met, for one row."""
    truth, estimate = row["truth"], row["estimate"]
    if any(value <= 0 for value in truth):
        raise EvaluationError(f"{row['name']}: a true value is 0, the relative error is undefined")
    bias = statistics.fmean((e - t) / t for e, t in zip(estimate, truth))
    rmse = math.sqrt(statistics.fmean((e - t) ** 2 for e, t in zip(estimate, truth)))
    covered = sum(1 for low, t, high in zip(row["lower"], truth, row["upper"]) if low <= t <= high)
    coverage = covered / len(truth)
    observed = [value for value in row["observed"] if not math.isnan(value)]
    mean_truth = statistics.fmean(truth)
    return {"quantity": row["name"], "datasets": len(truth), "meanTruth": mean_truth,
            "meanEstimate": statistics.fmean(estimate),
            "meanObserved": statistics.fmean(observed) if observed else float("nan"),
            "bias": bias, "rmse": rmse, "relativeRmse": rmse / mean_truth,
            "meanIntervalWidth": statistics.fmean(high - low for low, high in zip(row["lower"], row["upper"])),
            "coverage": coverage, "covered": covered, "coverageTarget": row["coverageTarget"],
            "coverageMet": coverage >= row["coverageTarget"], "biasTarget": MAX_ABS_BIAS,
            "biasMet": abs(bias) <= MAX_ABS_BIAS}


def evaluate(runs):
    """The evaluation of the datasets: one metrics entry per quantity, the models and methods, the verdict."""
    if not runs:
        raise EvaluationError("no dataset to evaluate")
    results = [metrics(row) for row in quantity_rows(runs)]
    per_year = [result for result in results if result["quantity"].isdigit()]
    models = sorted({run["estimate"]["model"] for run in runs})
    methods = sorted({run["estimate"]["method"] for run in runs})
    registered = {"minors": statistics.fmean(run["registered"]["total"] for run in runs),
                  "knownAge": statistics.fmean(run["registered"]["form"] for run in runs),
                  "unknownAge": statistics.fmean(run["registered"]["unknownAge"] for run in runs)}
    return {"datasets": len(runs), "seeds": [run["seed"] for run in runs], "models": models, "methods": methods,
            "quantities": results, "registeredMeans": registered,
            "allYearsCoverageMet": all(result["coverageMet"] for result in per_year),
            "allTargetsMet": all(result["coverageMet"] and result["biasMet"] for result in results)}


def load_runs(directory, seeds=None):
    """Reads the truth, report and exchange file of each seed (default: every S.csv there), in seed order."""
    if seeds is None:
        seeds = sorted(int(match.group(1)) for match in
                       (re.fullmatch(r"(-?\d+)\.csv", name) for name in os.listdir(directory)) if match)
    if not seeds:
        raise EvaluationError(f"{directory}: no truth file S.csv")
    runs = []
    for seed in seeds:
        base = os.path.join(directory, str(seed))
        for suffix in (".csv", ".json", ".report.json"):
            if not os.path.isfile(base + suffix):
                raise EvaluationError(f"{base + suffix}: missing (seed {seed})")
        runs.append({"seed": seed, "truth": read_truth(base + ".csv"), "estimate": read_estimate(base + ".report.json"),
                     "registered": read_registered(base + ".json")})
    return runs


def _fmt(value, share):
    if share:
        return f"{value:.3f}"
    return f"{value:,.0f}"


def render_text(evaluation, heterogeneity):
    """The evaluation as a text table."""
    lines = []
    seeds = evaluation["seeds"]
    span = f"{seeds[0]}-{seeds[-1]}" if seeds == list(range(seeds[0], seeds[-1] + 1)) else ",".join(map(str, seeds))
    lines.append(f"Minors among victims of {FORM}, {FIRST_YEAR}-{LAST_YEAR}: the report's estimate against the"
                 f" generator's truth, {evaluation['datasets']} datasets (seeds {span}),"
                 f" heterogeneity {heterogeneity}")
    lines.append(f"model: {'; '.join(evaluation['models'])}")
    lines.append(f"method: {'; '.join(evaluation['methods'])}")
    lines.append("bias = mean (estimate - truth) / truth; RMSE in victims (share: in proportion); coverage of the"
                 " 95 % intervals; registered = persons registered, age known, first registration")
    header = (f"{'quantity':<16}{'truth':>9}{'estimate':>10}{'registered':>11}{'bias':>9}{'RMSE':>9}"
              f"{'rel.RMSE':>9}{'coverage':>14}{'target':>8}  met")
    lines.append(header)
    lines.append("-" * len(header))
    for result in evaluation["quantities"]:
        share = result["quantity"] == "share of form"
        met = "yes" if result["coverageMet"] and result["biasMet"] else (
            "no (" + ", ".join(name for name, ok in (("coverage", result["coverageMet"]),
                                                    ("bias", result["biasMet"])) if not ok) + ")")
        lines.append(f"{result['quantity']:<16}{_fmt(result['meanTruth'], share):>9}"
                     f"{_fmt(result['meanEstimate'], share):>10}{_fmt(result['meanObserved'], share):>11}"
                     f"{result['bias']:>+9.1%}{_fmt(result['rmse'], share):>9}{result['relativeRmse']:>9.1%}"
                     f"{str(result['covered']) + '/' + str(result['datasets']):>7} ({result['coverage']:.2f})"
                     f"{'>=' + format(result['coverageTarget'], '.2f'):>8}"
                     f"  {met}")
    means = evaluation["registeredMeans"]
    total = evaluation["quantities"][0]
    seen = f"about 1 in {total['meanTruth'] / means['minors']:.1f} true minors" if means["minors"] > 0 else "none"
    lines.append(f"registered persons of {FORM} a dataset (means): {means['minors']:,.0f} minors ({seen}),"
                 f" {means['knownAge']:,.0f} of known age, {means['unknownAge']:,.0f} of unknown age")
    lines.append(f"targets: coverage >= {COVERAGE_TOTAL:.2f} (total), >= {COVERAGE_SHARE:.2f} (share), "
                 f">= {COVERAGE_YEAR:.2f} (every year); |bias| <= {MAX_ABS_BIAS:.0%} (every row): "
                 + ("all met" if evaluation["allTargetsMet"] else "NOT all met"))
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="where S.json, S.csv and S.report.json are, per seed S")
    parser.add_argument("--seeds", metavar="FIRST-LAST", help="the seeds to evaluate (default: every S.csv in DIR)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output (default: text)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed (default: exit 0)")
    parser.add_argument("--heterogeneity", default="0 (none)", help="stated in the output (default: 0 (none))")
    arguments = parser.parse_args(argv)
    seeds = None
    if arguments.seeds is not None:
        match = re.fullmatch(r"(-?\d+)-(-?\d+)", arguments.seeds)
        if not match or int(match.group(1)) > int(match.group(2)):
            parser.error(f"--seeds must be FIRST-LAST with FIRST <= LAST: {arguments.seeds}")
        seeds = list(range(int(match.group(1)), int(match.group(2)) + 1))
    try:
        evaluation = evaluate(load_runs(arguments.directory, seeds))
    except (EvaluationError, OSError) as error:
        print(f"covariate_simulation: {error}", file=sys.stderr)
        return 2
    if arguments.format == "json":
        evaluation["heterogeneity"] = arguments.heterogeneity
        print(json.dumps(evaluation, indent=2))
    else:
        sys.stdout.write(render_text(evaluation, arguments.heterogeneity))
    return 1 if arguments.check and not evaluation["allTargetsMet"] else 0


if __name__ == "__main__":
    sys.exit(main())
