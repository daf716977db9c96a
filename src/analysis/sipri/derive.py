"""``make data``: derive the committed SIPRI tables from SIPRI's raw exports.

Load -> process -> save. Reads the four exports of ``../shared/data/sipri`` (or the folder the
README tells reporters to download into), computes everything in memory, and only then writes
the CSVs and records each input's file name, vintage and sha256 in ``data/datapackage.json``
(``derived_from``). A failure anywhere leaves the committed tables untouched.

Tables (years from :data:`FIRST_YEAR`, when Russia first appears as a supplier):

- ``derived/sipri_africa_annual.csv``: estimated TIV by supplier, African recipient (Egypt
  included and flagged ``in_sipri_africa = false``) and year, for each register vintage;
- ``derived/sipri_africa_imports_exact.csv``: SIPRI's exact annual imports by recipient, same
  recipients, from the import value table;
- ``derived/sipri_africa_russia.csv``: Russia's deliveries to every African recipient (the same
  recipients, :mod:`analysis.sipri.recipients`), one row per deal and delivery year, with a
  weapon category; Mali's rows are what notebooks 01 and 03 and the Mali claims read.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

import pandas as pd

from analysis import sipri
from analysis.contract.datapackage import load_table
from analysis.contract.paths import DATA_DIR, DESCRIPTOR, display_path, sipri_export_dir
from analysis.sipri.read import SipriExport, read_export
from analysis.sipri.recipients import african_iso3
from analysis.sipri.weapons import weapon_category

FIRST_YEAR = 1992  # Russia replaces the Soviet Union as a supplier in SIPRI's data from 1992
REGISTERS = ("trade-register_2024-10-13.csv", "trade-register_2025-03-13.csv")
IMPORT_VALUES = "import-values_2024-10-13.csv"
OUTPUTS = {
    "sipri_africa_annual": "derived/sipri_africa_annual.csv",
    "sipri_africa_imports_exact": "derived/sipri_africa_imports_exact.csv",
    "sipri_africa_russia": "derived/sipri_africa_russia.csv",
}


def africa_annual(export: SipriExport, recipients: pd.DataFrame) -> pd.DataFrame:
    """Estimated annual TIV by supplier and African (or Egyptian) recipient, one vintage."""
    annual = sipri.annual_deliveries(export.frame)
    annual = annual[annual["year"] >= FIRST_YEAR]
    out = annual.merge(recipients[["sipri_name", "iso3", "actor_type", "sipri_subregion"]],
                       left_on="recipient", right_on="sipri_name", how="inner")
    out["in_sipri_africa"] = out["sipri_subregion"] != "middle-east"
    out["vintage"] = export.vintage
    out["tiv_musd"] = out["tiv_musd"].round(6)
    cols = ["vintage", "supplier", "recipient", "iso3", "actor_type", "sipri_subregion",
            "in_sipri_africa", "year", "tiv_musd", "deals"]
    return out[cols].sort_values(cols[:8], ignore_index=True)


def africa_imports_exact(export: SipriExport, recipients: pd.DataFrame) -> pd.DataFrame:
    """SIPRI's exact annual imports (value table) for the same recipients."""
    f = export.frame
    f = f[(f["year"] >= FIRST_YEAR) & f["party"].isin(recipients["sipri_name"])]
    out = f.merge(recipients[["sipri_name", "iso3", "sipri_subregion"]], left_on="party",
                  right_on="sipri_name").rename(columns={"party": "recipient"})
    out["vintage"] = export.vintage
    cols = ["vintage", "recipient", "iso3", "sipri_subregion", "year", "tiv_musd",
            "tiv_below_half"]
    return out[cols].sort_values(["recipient", "year"], ignore_index=True)


def africa_russia(export: SipriExport, recipients: pd.DataFrame,
                  countries: pd.DataFrame) -> pd.DataFrame:
    """Russia -> African recipient deals, one row per deal and delivery year (TIV spread evenly
    over the deal's delivery years). A Russian delivery to a recipient that cannot be mapped to
    an African state's iso3 raises (:func:`analysis.sipri.recipients.african_iso3`)."""
    reg = export.frame
    russia = reg[reg["supplier"] == "Russia"]
    iso3 = african_iso3(russia, recipients, countries, export.file)
    deals = russia[iso3.notna()].assign(iso3=iso3[iso3.notna()])
    deals["weapon_category"] = deals["description"].map(weapon_category)
    years = deals["delivery_years"].str.split("; ")
    deals = deals.assign(year=years, n_years=years.str.len()).explode("year")
    deals = deals[deals["year"].notna() & (deals["year"] != "")]
    deals["year"] = deals["year"].astype("int64")
    deals["tiv_musd"] = (deals["tiv_delivered_musd"].astype("float64") / deals["n_years"]).round(6)
    deals["vintage"] = export.vintage
    cols = ["vintage", "recipient", "iso3", "year", "weapon_category", "description",
            "designation", "order_year", "number_delivered", "number_delivered_uncertain",
            "delivery_years", "tiv_musd", "comments"]
    order = ["iso3", "recipient", "year", "weapon_category", "designation", "order_year",
             "number_delivered"]
    return deals[cols].sort_values(order, ignore_index=True, kind="stable")


def derive_tables(export_dir: Path) -> tuple[dict[str, pd.DataFrame], dict[str, list[dict]]]:
    """Read the exports and compute every derived table; nothing is written."""
    export_dir = Path(export_dir)
    missing = [n for n in (*REGISTERS, IMPORT_VALUES) if not (export_dir / n).exists()]
    if missing:
        raise FileNotFoundError(
            f"{display_path(export_dir)} lacks {', '.join(missing)}: download the Trade Register "
            "(all countries, all years) and the import value table from the SIPRI Arms Transfers "
            "Database into that folder, or set SIPRI_EXPORT_DIR"
        )
    recipients = load_table("sipri_recipients")
    countries = load_table("countries")
    registers = [read_export(export_dir / n) for n in REGISTERS]
    imports = read_export(export_dir / IMPORT_VALUES)
    for e in registers:
        if e.kind != "register":
            raise ValueError(f"{e.file} is a {e.kind} table, expected a Trade Register")
    if imports.kind != "import-values":
        raise ValueError(f"{imports.file} is a {imports.kind} table, expected import values")
    tables = {
        "sipri_africa_annual": pd.concat([africa_annual(e, recipients) for e in registers],
                                         ignore_index=True),
        "sipri_africa_imports_exact": africa_imports_exact(imports, recipients),
        "sipri_africa_russia": pd.concat([africa_russia(e, recipients, countries)
                                          for e in registers], ignore_index=True),
    }
    prov = {
        "sipri_africa_annual": [_provenance(e) for e in registers],
        "sipri_africa_imports_exact": [_provenance(imports)],
        "sipri_africa_russia": [_provenance(e) for e in registers],
    }
    return tables, prov


def _provenance(e: SipriExport) -> dict:
    return {"file": e.file, "kind": e.kind, "vintage": e.vintage, "sha256": e.sha256,
            "joined_records": len(e.repairs)}


def write_tables(tables: dict[str, pd.DataFrame], prov: dict[str, list[dict]],
                 data_dir: Path = DATA_DIR, descriptor: Path = DESCRIPTOR) -> list[Path]:
    """Write every table to a temporary file, then move them all into place, then the
    descriptor's ``derived_from``. Returns the paths written."""
    staged = []
    for name, frame in tables.items():
        target = Path(data_dir) / OUTPUTS[name]
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            _csv_ready(frame).to_csv(fh, index=False, lineterminator="\n", float_format="%.6g")
        os.chmod(tmp, 0o644)
        staged.append((Path(tmp), target))
    for tmp, target in staged:
        os.replace(tmp, target)
    dp = json.loads(Path(descriptor).read_text(encoding="utf-8"))
    for res in dp["resources"]:
        if res["name"] in prov:
            res["derived_from"] = prov[res["name"]]
    Path(descriptor).write_text(json.dumps(dp, indent=2, ensure_ascii=False) + "\n",
                                encoding="utf-8")
    return [t for _, t in staged]


def _csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Booleans as the descriptor's ``true``/``false``."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].map({True: "true", False: "false"})
    return out


def run_data(exports: str | None) -> int:
    """The ``python -m analysis data`` command."""
    folder = Path(exports) if exports else sipri_export_dir()
    tables, prov = derive_tables(folder)
    for path in write_tables(tables, prov):
        name = next(n for n, p in OUTPUTS.items() if path.as_posix().endswith(p))
        print(f"wrote {display_path(path)}: {len(tables[name])} rows", file=sys.stderr)
    for name in tables:  # what was written must load through its descriptor
        load_table(name)
    return 0
