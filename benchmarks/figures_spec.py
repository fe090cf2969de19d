"""How many of Microsoft Recognizers-Text's English number specs claimtrack's figures recover.

Runs the full pipeline (so span finding is exercised, not only the reader) over every input of
NumberModel, NumberRangeModel, PercentModel, CurrencyModel, DimensionModel and AgeModel and counts, per file, the cases
whose expected values are all recovered:

- NumberModel: every expected value is the value of a distinct figure (a range counts by its
  ends); a case expecting nothing passes when no figure is found but measures ("the 180ml
  liquid" is their DimensionModel's, not a number).
- NumberRangeModel: every expected interval is a figure's interval, ends and inclusivity alike.
  Their ranges are right-open by convention ("between 20 and 30" -> "[20,30)"); claimtrack's are
  closed, so an expected "[a,b)" with both ends finite is read as [a, b]. A case expecting no
  range passes when every figure found is exact.
- PercentModel: every expected value is a figure with unit "percent". Results without a value
  (the word "percentage" alone) are not figures and are not counted, as for currency below.
- CurrencyModel: every expected amount is a figure with that value and currency; where the
  spec gives no ISO code ("$", "francs"), any currency passes. Coins are converted: their
  "50 cents" (value 50, unit Cent) is claimtrack's 0.5. Results without a value (a bare
  "dollar") are not amounts and are not counted; a case expecting no amount passes when no
  figure has a currency.
- DimensionModel and AgeModel: every expected measure is a figure with that value (a range
  counts by its ends, as above) and a unit of the same physical dimension (a rate by what it
  counts: "500,000 barrels a day" is barrels) (through pint: their "Mile" passes our "mile", their "Square
  meter" our "meter ** 2"; their "Age" is a time); where pint does not know their unit, any
  unit passes. Results without a value (a bare "metric ton") are not counted; a case expecting
  no measure passes when no figure has a unit other than money or percent. A compound measure
  is compared in their unit ("5 feet 2 inches" is our 62 inches, their 5.1667 feet); our
  temperatures are left out of DimensionModel (theirs are in TemperatureModel).

Cases are reported three ways: all; without those marked NotSupportedByDesign for Python (the
spec's authors decided no recogniser should return them); and only those the spec's own Python
port runs (no "python" in NotSupported), the set its 2019 port is measured on.

    python benchmarks/figures_spec.py [--specs DIR] [--failures FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SPECS = ROOT.parent / "shared" / "eval" / "quantities" / "recognizers-text"
FILES = {
    "NumberModel": "Number/English/NumberModel.json",
    "NumberRangeModel": "Number/English/NumberRangeModel.json",
    "PercentModel": "Number/English/PercentModel.json",
    "CurrencyModel": "NumberWithUnit/English/CurrencyModel.json",
    "DimensionModel": "NumberWithUnit/English/DimensionModel.json",
    "AgeModel": "NumberWithUnit/English/AgeModel.json",
}
COINS = ("cent", "pence", "penny")
INTERVAL = re.compile(r"^([\[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])$")


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def figures(doc: Any) -> list[Any]:
    return [s._.claimtrack_figure for s in doc.spans.get("claimtrack_figures", [])]


def match_all(expected: list[Any], found: list[Any], same: Any) -> bool:
    """Each expected item matched by a distinct found item."""
    pool = list(found)
    for item in expected:
        for k, got in enumerate(pool):
            if same(item, got):
                del pool[k]
                break
        else:
            return False
    return True


def number_case(case: dict, figs: list[Any]) -> bool:
    expected = [float(r["Resolution"]["value"]) for r in case["Results"]]
    if not expected:
        # a measure ("the 180ml liquid") is theirs to find in NumberWithUnit, not a number
        return not [f for f in figs if not f.unit or f.unit in ("percent", "fraction")]

    def same(value: float, fig: Any) -> bool:
        return any(close(value, v) for v in (fig.value, fig.low, fig.high) if v is not None)

    return match_all(expected, figs, same)


def parse_interval(text: str) -> tuple[float | None, float | None, bool, bool]:
    m = INTERVAL.match(text.strip())
    if not m:
        raise ValueError(text)
    lo = float(m.group(2)) if m.group(2).strip() else None
    hi = float(m.group(3)) if m.group(3).strip() else None
    lo_in, hi_in = m.group(1) == "[", m.group(4) == "]"
    if lo is not None and hi is not None and lo_in and not hi_in and lo != hi:
        hi_in = True  # their right-open range convention: "[20,30)" is our [20, 30]
    return lo, hi, lo_in, hi_in


def range_case(case: dict, figs: list[Any]) -> bool:
    expected = [parse_interval(r["Resolution"]["value"]) for r in case["Results"]]
    if not expected:
        return all(f.qualifier == "exact" for f in figs)

    def same(want: tuple, fig: Any) -> bool:
        lo, hi, lo_in, hi_in = want
        if not (close(lo, fig.low) and close(hi, fig.high)):
            return False
        return (lo is None or lo_in == fig.low_inclusive) and (
            hi is None or hi_in == fig.high_inclusive
        )

    return match_all(expected, figs, same)


def percent_case(case: dict, figs: list[Any]) -> bool:
    pct = [f for f in figs if f.unit == "percent"]
    expected = []
    for r in case["Results"]:
        value = r["Resolution"]["value"]
        if value not in (None, "null"):
            expected.append(float(value.rstrip("%")))
    if not expected:
        return not pct
    return match_all(expected, pct, lambda v, f: close(v, f.value))


def currency_case(case: dict, figs: list[Any]) -> bool:
    money = [f for f in figs if f.currency]
    expected = []
    for r in case["Results"]:
        res = r["Resolution"]
        if res.get("value") is None:
            continue
        value = float(res["value"])
        if str(res.get("unit", "")).lower() in COINS:
            value /= 100
        expected.append((value, res.get("isoCurrency")))
    if not expected:
        return not money

    def same(want: tuple, fig: Any) -> bool:
        value, iso = want
        return close(value, fig.value) and (iso is None or iso == fig.currency)

    return match_all(expected, money, same)


def _dimension(name: str) -> Any:
    """pint's dimensionality of a unit name (theirs: "Square meter", "Mile per hour"; ours:
    "kilometer", "mile / hour"), or None when pint does not know it."""
    from claimtrack.units import units

    try:
        return units().parse_units(name.lower().replace(" ", "_")).dimensionality
    except Exception:  # noqa: BLE001 - an unknown name is no dimension
        try:
            return units().parse_expression(name.lower()).dimensionality
        except Exception:  # noqa: BLE001
            return None


def unit_case(case: dict, figs: list[Any]) -> bool:
    measured = [f for f in figs if f.unit and not f.currency and f.unit != "percent"]
    expected = []
    for r in case["Results"]:
        res = r["Resolution"]
        if res.get("value") is not None:
            expected.append((float(res["value"]), res.get("unit", "")))
    if not expected:
        return not measured

    def same(want: tuple, fig: Any) -> bool:
        value, unit = want
        unit = "year" if unit == "Age" else unit
        if not any(close(value, v) for v in (fig.value, fig.low, fig.high) if v is not None):
            return close(value, _converted(fig, unit))
        theirs = _dimension(unit)
        return theirs is None or theirs in (
            _dimension(fig.unit),
            _dimension(fig.unit.split("/")[0]),
        )

    return match_all(expected, measured, same)


def _converted(fig: Any, unit: str) -> float | None:
    """A figure's value in their unit: "5 feet 2 inches" is our 62 inches, their 5.1667 feet."""
    from claimtrack.units import units

    if fig.value is None:
        return None
    try:
        return float(units().Quantity(fig.value, fig.unit).to(unit.lower().replace(" ", "_")).m)
    except Exception:  # noqa: BLE001 - no conversion: not the same measure
        return None


def dimension_case(case: dict, figs: list[Any]) -> bool:
    """Their DimensionModel leaves temperatures to their TemperatureModel: ours are not scored."""
    return unit_case(case, [f for f in figs if not (f.unit or "").startswith("degree_")])


CHECKS = {
    "NumberModel": number_case,
    "NumberRangeModel": range_case,
    "PercentModel": percent_case,
    "CurrencyModel": currency_case,
    "DimensionModel": dimension_case,
    "AgeModel": unit_case,
}


def mentions_python(field: Any) -> bool:
    return isinstance(field, str) and "python" in field.lower()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--specs", type=Path, default=DEFAULT_SPECS)
    ap.add_argument(
        "--failures", type=Path, help="write failed cases (input, expected, found) here"
    )
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from claimtrack.nlp import pipeline

    nlp = pipeline.load()
    rows = []
    failures: list[dict] = []
    started = time.perf_counter()
    for name, rel in FILES.items():
        cases = json.loads((args.specs / rel).read_text(encoding="utf-8-sig"))
        docs = pipeline.parse(nlp, [c["Input"] for c in cases])
        tally = {"all": [0, 0], "by_design": [0, 0], "python": [0, 0]}
        for case, doc in zip(cases, docs, strict=True):
            ok = CHECKS[name](case, figures(doc))
            groups = ["all"]
            if not mentions_python(case.get("NotSupportedByDesign")):
                groups.append("by_design")
            if not mentions_python(case.get("NotSupported")) and "by_design" in groups:
                groups.append("python")
            for g in groups:
                tally[g][0] += ok
                tally[g][1] += 1
            if not ok:
                failures.append(
                    {
                        "file": name,
                        "input": case["Input"],
                        "expected": [r["Resolution"].get("value") for r in case["Results"]],
                        "found": [
                            [s.text, f.value, f.low, f.high, f.qualifier, f.currency or f.unit]
                            for s, f in zip(
                                doc.spans["claimtrack_figures"], figures(doc), strict=True
                            )
                        ],
                        "not_supported": case.get("NotSupported"),
                    }
                )
        rows.append((name, tally))
    elapsed = time.perf_counter() - started

    print("| file | all cases | excl. NotSupportedByDesign | Python-runnable |")
    print("|---|---|---|---|")
    for name, tally in rows:
        cells = []
        for g in ("all", "by_design", "python"):
            ok, n = tally[g]
            cells.append(f"{ok}/{n} ({100 * ok / n:.1f}%)" if n else "-")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\n{elapsed:.1f}s")
    if args.failures:
        args.failures.write_text(
            "\n".join(json.dumps(f, ensure_ascii=False) for f in failures) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
