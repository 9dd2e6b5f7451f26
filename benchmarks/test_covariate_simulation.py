"""Tests of covariate_simulation.py's evaluation on hand-made truth, report and exchange files.

Run: python3 -m unittest discover -s benchmarks -p 'test_*.py'
"""

import contextlib
import datetime
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import covariate_simulation as simulation  # noqa: E402

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPOSITORY, "monitor-cli", "src", "main", "resources", "org", "tipmonitor", "cli", "data",
                      "synthetic-monitor.json")

TRUTH_HEADER = "year,form,minor,victims\n"


def truth_csv(minors, adults, other=(("labour", "true", 7), ("labour", "false", 93))):
    """A truth file: minors and adults of domestic sexual exploitation per year 2014-2018, plus other forms."""
    lines = [TRUTH_HEADER]
    for index, year in enumerate(simulation.YEARS):
        lines.append(f"{year},domestic_sexual,false,{adults[index]}\n")
        lines.append(f"{year},domestic_sexual,true,{minors[index]}\n")
        for form, minor, victims in other:
            lines.append(f"{year},{form},{minor},{victims}\n")
    return "".join(lines)


def report_json(total, per_year, share, model="P + O + minor", method="wald-log"):
    """A report holding minorsDomesticSexual; each interval given as (estimate, lower, upper)."""
    def interval(values):
        return {"estimate": values[0], "lower": values[1], "upper": values[2]}
    return {"dataset": {"id": "x"}, "minorsDomesticSexual": {
        "total": interval(total),
        "perYear": [dict(year=year, **interval(values)) for year, values in zip(simulation.YEARS, per_year)],
        "shareOfForm": interval(share), "model": model, "method": method}}


def exchange_json(persons):
    """An exchange file: persons as (key, birthDate, [(reportDate, form), ...])."""
    victims = [{"key": key, "sex": "female", "birthDate": birth, "nationality": "NL"} for key, birth, _ in persons]
    registrations = [{"id": f"r{key}{index}", "victimKey": key, "reportDate": date, "reporterType": "police",
                      "form": form}
                     for key, _, reports in persons for index, (date, form) in enumerate(reports)]
    return {"formatVersion": "1.0", "dataset": {"id": "x"}, "victims": victims, "registrations": registrations}


def day(date):
    return {"date": date, "precision": "day"}


class TruthTest(unittest.TestCase):

    def test_minors_of_the_form_per_year_total_and_share(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "1.csv")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(truth_csv(minors=(10, 20, 30, 40, 50), adults=(90, 80, 70, 60, 50)))
            truth = simulation.read_truth(path)
        self.assertEqual({2014: 10, 2015: 20, 2016: 30, 2017: 40, 2018: 50}, truth["perYear"])
        self.assertEqual(150, truth["total"])
        self.assertEqual(500, truth["form"])
        self.assertEqual(0.3, truth["share"])  # 150 / 500 rounds to the same double as the literal 0.3
        self.assertEqual(500 + 5 * 100, truth["all"])

    def test_a_wrong_header_or_value_is_refused_with_its_line(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "1.csv")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("year,form,victims\n2014,domestic_sexual,3\n")
            with self.assertRaisesRegex(simulation.EvaluationError, "header"):
                simulation.read_truth(path)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(TRUTH_HEADER + "2014,domestic_sexual,yes,3\n")
            with self.assertRaisesRegex(simulation.EvaluationError, r"1\.csv:2: minor is neither"):
                simulation.read_truth(path)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(TRUTH_HEADER + "2014,domestic_sexual,true,-3\n")
            with self.assertRaisesRegex(simulation.EvaluationError, "negative"):
                simulation.read_truth(path)


class EstimateTest(unittest.TestCase):

    def write(self, directory, content):
        path = os.path.join(directory, "1.report.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(content, handle)
        return path

    def test_reads_total_years_share_model_and_method(self):
        with tempfile.TemporaryDirectory() as directory:
            estimate = simulation.read_estimate(self.write(directory, report_json(
                (150, 120, 190), [(10 * k, 8 * k, 13 * k) for k in range(1, 6)], (0.3, 0.25, 0.36))))
        self.assertEqual((150.0, 120.0, 190.0), estimate["total"])
        self.assertEqual((50.0, 40.0, 65.0), estimate["perYear"][2018])
        self.assertEqual((0.3, 0.25, 0.36), estimate["share"])
        self.assertEqual("P + O + minor", estimate["model"])

    def test_a_report_without_the_section_says_so(self):
        with tempfile.TemporaryDirectory() as directory:
            path = self.write(directory, {"dataset": {}, "populationEstimate": {}})
            with self.assertRaises(simulation.EvaluationError) as raised:
                simulation.read_estimate(path)
        message = str(raised.exception)
        self.assertIn("no object 'minorsDomesticSexual'", message)
        self.assertIn("['dataset', 'populationEstimate']", message)

    def test_a_missing_year_a_share_outside_zero_one_or_a_missing_limit_is_refused(self):
        good = report_json((150, 120, 190), [(10, 8, 13)] * 5, (0.3, 0.25, 0.36))
        with tempfile.TemporaryDirectory() as directory:
            no_year = json.loads(json.dumps(good))
            del no_year["minorsDomesticSexual"]["perYear"][2]
            with self.assertRaisesRegex(simulation.EvaluationError, r"no estimate for \[2016\]"):
                simulation.read_estimate(self.write(directory, no_year))
            percent = json.loads(json.dumps(good))
            percent["minorsDomesticSexual"]["shareOfForm"]["estimate"] = 30.0
            with self.assertRaisesRegex(simulation.EvaluationError, "not a fraction"):
                simulation.read_estimate(self.write(directory, percent))
            no_upper = json.loads(json.dumps(good))
            del no_upper["minorsDomesticSexual"]["total"]["upper"]
            with self.assertRaisesRegex(simulation.EvaluationError, "total: needs numbers"):
                simulation.read_estimate(self.write(directory, no_upper))


class RegisteredTest(unittest.TestCase):

    def test_point_age_as_the_java_model(self):
        # Expected values from org.tipmonitor.model.BirthDate#ageAt(...).years(), run with
        # java -cp monitor-cli/target/monitor.jar on BirthDate.ofDay/ofMonth/ofYear (this branch, 2026-12-02).
        cases = [
            (day("2000-03-10"), "2018-03-09", 17),
            (day("2000-03-10"), "2018-03-10", 18),
            (day("2000-02-29"), "2018-02-28", 17),
            (day("2000-02-29"), "2018-03-01", 18),
            ({"date": "2000-03-01", "precision": "month"}, "2018-03-10", 17),
            ({"date": "2000-03-01", "precision": "month"}, "2018-03-15", 18),
            ({"date": "2000-01-01", "precision": "year"}, "2018-06-30", 17),
            ({"date": "2000-01-01", "precision": "year"}, "2018-07-01", 18),
            ({"date": "2000-01-01", "precision": "year"}, "2000-03-01", 0),
        ]
        for birth, event, years in cases:
            with self.subTest(birth=birth, event=event):
                self.assertEqual(years, simulation.age_at(birth, datetime.date.fromisoformat(event)))
        self.assertIsNone(simulation.age_at({"precision": "unknown"}, datetime.date(2018, 1, 1)))

    def test_persons_by_their_first_registration_in_the_period(self):
        persons = [
            ("a", day("2000-06-01"), [("2016-05-01", "domestic_sexual")]),               # minor 2016
            ("b", day("2000-06-01"), [("2018-07-01", "domestic_sexual"),                 # first: 2017, minor
                                      ("2017-03-01", "domestic_sexual")]),
            ("c", day("2000-06-01"), [("2018-06-01", "domestic_sexual")]),               # 18 that day: adult
            ("d", {"precision": "unknown"}, [("2015-01-01", "domestic_sexual")]),        # unknown age
            ("e", day("2001-01-01"), [("2014-02-01", "labour")]),                        # another form
            ("f", day("2001-01-01"), [("2013-12-31", "domestic_sexual"),                 # 2013 outside; 2014
                                      ("2014-01-02", "domestic_sexual")]),
            ("g", day("2001-01-01"), [("2015-04-01", "labour"),                          # first is labour
                                      ("2015-05-01", "domestic_sexual")]),
        ]
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "1.json")
            with open(path, "w", encoding="utf-8") as handle:
                json.dump(exchange_json(persons), handle)
            registered = simulation.read_registered(path)
        self.assertEqual({2014: 1, 2015: 0, 2016: 1, 2017: 1, 2018: 0}, registered["perYear"])
        self.assertEqual(3, registered["total"])
        self.assertEqual(4, registered["form"])
        self.assertEqual(1, registered["unknownAge"])
        self.assertEqual(0.75, registered["share"])

    @unittest.skipUnless(os.path.isfile(SAMPLE), "the bundled sample is not in this checkout")
    def test_the_bundled_sample_as_the_report_counts_it(self):
        # monitor report --format json on the bundled sample, section minorsShare.domestic_sexual:
        # successes 472, trials 1784, unknown 112 (this branch, 2026-12-02).
        registered = simulation.read_registered(SAMPLE)
        self.assertEqual(472, registered["total"])
        self.assertEqual(1784, registered["form"])
        self.assertEqual(112, registered["unknownAge"])


class EvaluationTest(unittest.TestCase):

    @staticmethod
    def run_of(seed, truth_total, estimate_total, lower, upper, share=(0.45, 0.40, 0.50), truth_share=0.44):
        per_year_truth = {year: truth_total / 5 for year in simulation.YEARS}
        return {"seed": seed,
                "truth": {"total": truth_total, "perYear": per_year_truth, "form": truth_total / truth_share,
                          "share": truth_share, "all": 0},
                "estimate": {"total": (estimate_total, lower, upper),
                             "perYear": {year: (estimate_total / 5, lower / 5, upper / 5)
                                         for year in simulation.YEARS},
                             "share": share, "model": "m", "method": "wald"},
                "registered": {"total": 100, "perYear": {year: 20 for year in simulation.YEARS}, "form": 400,
                               "unknownAge": 3, "share": 0.25}}

    def test_bias_rmse_and_coverage_by_hand(self):
        runs = [self.run_of(1, 1000, 1100, 900, 1200),   # +10 %, covered
                self.run_of(2, 1000, 900, 850, 950),     # -10 %, not covered
                self.run_of(3, 2000, 2000, 1000, 2000),  # 0 %, covered (upper limit equal to the truth)
                self.run_of(4, 1000, 1050, 1001, 1100)]  # +5 %, not covered
        evaluation = simulation.evaluate(runs)
        total = evaluation["quantities"][0]
        self.assertEqual("total 2014-2018", total["quantity"])
        # bias = mean(0.1, -0.1, 0, 0.05) = 0.0125; RMSE = sqrt((100^2 + 100^2 + 0 + 50^2) / 4) = 75
        self.assertAlmostEqual(0.0125, total["bias"], places=15)
        self.assertAlmostEqual(75.0, total["rmse"], places=12)
        self.assertAlmostEqual(75.0 / 1250.0, total["relativeRmse"], places=15)
        self.assertEqual(2, total["covered"])
        self.assertEqual(0.5, total["coverage"])
        self.assertFalse(total["coverageMet"])
        self.assertTrue(total["biasMet"])
        self.assertEqual(1262.5, total["meanEstimate"])
        self.assertEqual(100.0, total["meanObserved"])
        year = evaluation["quantities"][1]
        self.assertEqual("2014", year["quantity"])
        self.assertAlmostEqual(0.0125, year["bias"], places=15)
        self.assertEqual(0.85, year["coverageTarget"])
        share = evaluation["quantities"][-1]
        self.assertEqual("share of form", share["quantity"])
        self.assertAlmostEqual(0.01 / 0.44, share["bias"], places=15)
        self.assertEqual(1.0, share["coverage"])
        self.assertEqual(0.90, share["coverageTarget"])
        self.assertFalse(evaluation["allTargetsMet"])
        self.assertEqual(["m"], evaluation["models"])
        self.assertEqual({"minors": 100, "knownAge": 400, "unknownAge": 3}, evaluation["registeredMeans"])

    def test_all_targets_met(self):
        runs = [self.run_of(seed, 1000, 1000 + seed, 900, 1100) for seed in range(1, 11)]
        evaluation = simulation.evaluate(runs)
        self.assertTrue(evaluation["allTargetsMet"])
        self.assertTrue(evaluation["allYearsCoverageMet"])

    def test_a_bias_beyond_five_percent_misses_the_target(self):
        runs = [self.run_of(seed, 1000, 1060, 900, 1200) for seed in range(1, 5)]
        total = simulation.evaluate(runs)["quantities"][0]
        self.assertEqual(1.0, total["coverage"])
        self.assertFalse(total["biasMet"])
        self.assertTrue(math.isclose(0.06, total["bias"], rel_tol=1e-12))


class CommandTest(unittest.TestCase):

    def fixture(self, directory, seeds, section=True):
        for seed in seeds:
            base = os.path.join(directory, str(seed))
            with open(base + ".csv", "w", encoding="utf-8") as handle:
                handle.write(truth_csv(minors=(100,) * 5, adults=(120,) * 5))
            report = report_json((500 + seed, 400, 600), [(100, 80, 125)] * 5, (0.45, 0.40, 0.50))
            if not section:
                del report["minorsDomesticSexual"]
            with open(base + ".report.json", "w", encoding="utf-8") as handle:
                json.dump(report, handle)
            with open(base + ".json", "w", encoding="utf-8") as handle:
                json.dump(exchange_json([("a", day("2000-06-01"), [("2016-05-01", "domestic_sexual")])]), handle)

    def main(self, *arguments):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = simulation.main(list(arguments))
        return status, out.getvalue(), err.getvalue()

    def test_text_table_and_exit_status(self):
        with tempfile.TemporaryDirectory() as directory:
            self.fixture(directory, range(1, 4))
            status, out, err = self.main(directory, "--heterogeneity", "0 (none)")
            self.assertEqual(0, status, err)
            self.assertIn("3 datasets (seeds 1-3), heterogeneity 0 (none)", out)
            self.assertIn("model: P + O + minor", out)
            self.assertRegex(out, r"total 2014-2018\s+500\s+502\s+1\s+\+0\.4%")
            self.assertRegex(out, r"share of form\s+0\.455\s+0\.450\s+1\.000")
            self.assertIn("all met", out)
            self.assertIn("registered persons of domestic_sexual a dataset (means): 1 minors (about 1 in 500.0 true"
                          " minors), 1 of known age, 0 of unknown age", out)
            status, out, _ = self.main(directory, "--format", "json", "--seeds", "2-3")
            self.assertEqual(0, status)
            evaluation = json.loads(out)
            self.assertEqual([2, 3], evaluation["seeds"])
            self.assertEqual(2, evaluation["quantities"][0]["datasets"])

    def test_check_fails_when_a_target_is_missed(self):
        with tempfile.TemporaryDirectory() as directory:
            self.fixture(directory, range(1, 3))
            with open(os.path.join(directory, "2.csv"), "w", encoding="utf-8") as handle:
                handle.write(truth_csv(minors=(200,) * 5, adults=(20,) * 5))
            status, out, _ = self.main(directory, "--check")
            self.assertEqual(1, status)
            self.assertIn("NOT all met", out)
            status, _, _ = self.main(directory)
            self.assertEqual(0, status)

    def test_a_report_without_the_section_fails_with_status_two(self):
        with tempfile.TemporaryDirectory() as directory:
            self.fixture(directory, range(1, 3), section=False)
            status, out, err = self.main(directory)
        self.assertEqual(2, status)
        self.assertEqual("", out)
        self.assertIn("has no object 'minorsDomesticSexual'", err)

    def test_a_missing_file_of_a_seed_is_named(self):
        with tempfile.TemporaryDirectory() as directory:
            self.fixture(directory, range(1, 3))
            os.remove(os.path.join(directory, "2.report.json"))
            status, _, err = self.main(directory)
        self.assertEqual(2, status)
        self.assertIn("2.report.json: missing (seed 2)", err)


class ScriptTest(unittest.TestCase):
    """The shell script's own checks, before it runs anything."""

    SCRIPT = os.path.join(REPOSITORY, "benchmarks", "covariate-simulation.sh")

    def script(self, *arguments):
        return subprocess.run(["bash", self.SCRIPT, *arguments], capture_output=True, text=True, timeout=60,
                              check=False)

    def test_help(self):
        run = self.script("--help")
        self.assertEqual(0, run.returncode, run.stderr)
        self.assertIn("Usage: bash benchmarks/covariate-simulation.sh", run.stdout)
        self.assertIn("--heterogeneity H", run.stdout)

    def test_usage_errors_exit_two_with_a_message(self):
        for arguments, message in ((("--frobnicate",), "unknown option --frobnicate"),
                                   (("-n", "0"), "--datasets must be a whole number of at least 1: 0"),
                                   (("--format", "xml"), "--format must be text or json: xml"),
                                   (("--jar", "/nonexistent/monitor.jar"), "no /nonexistent/monitor.jar: build it")):
            with self.subTest(arguments=arguments):
                run = self.script(*arguments)
                self.assertEqual(2, run.returncode, run.stdout + run.stderr)
                self.assertIn(message, run.stderr)


if __name__ == "__main__":
    unittest.main()
